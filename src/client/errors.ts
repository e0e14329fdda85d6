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
