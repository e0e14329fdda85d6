/**
 * The target could not be talked to at all (refused, reset, DNS, timeout, TLS). This is never a conformance
 * verdict: a check that meets it is a setup failure, and the CLI turns it into exit status 2.
 */
export class TransportError extends Error {
  override name = 'TransportError'
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(message)
  }
}

/** Turns an undici/Node network error into one line a user can act on. */
export function describeTransportFailure(err: unknown, origin: string, timeoutMs: number): string {
  const e = err as { code?: unknown; name?: string; message?: string; cause?: { code?: unknown } }
  // AbortSignal.timeout() rejects with a DOMException whose numeric `code` means nothing here: use its name.
  const code = [e?.code, e?.cause?.code, e?.name].find((c) => typeof c === 'string' && c !== 'Error')
  switch (code) {
    case 'CONFORMANCE_NO_RECORDING': // a replay (src/record/replay.ts) has no recorded answer: its message says which request
      return e?.message ?? 'no recording for this request'
    case 'ECONNREFUSED':
      return `connection refused by ${origin} (is the server running on that port?)`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the host of ${origin}`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `${origin} closed the connection`
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'TimeoutError':
    case 'AbortError':
      return `${origin} did not answer within ${timeoutMs} ms`
    default:
      return `cannot reach ${origin}: ${e?.message ?? String(err)}`
  }
}

/**
 * A transient fault (a 5xx, a reset, a timeout) outlived the retries that are safe for its request, or hit a request
 * that is not safe to repeat (a POST). Not a verdict: the harness re-runs the whole check once, from a fresh
 * conversation; only a fault that persists in that re-run is judged.
 */
export class TransientFault extends Error {
  override name = 'TransientFault'
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(message)
  }
}

/**
 * The target kept answering 429 until the check's time budget ran out, or the check ran out of time: the check
 * could not judge its requirement. Never a failure: the run is INCOMPLETE.
 */
export class CouldNotJudge extends Error {
  override name = 'CouldNotJudge'
}
