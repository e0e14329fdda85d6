import type { Dispatcher } from 'undici'
import { CouldNotJudge, describeTransportFailure, TransientFault, TransportError } from './errors.ts'
import { type Exchange, parseJsonOrUndefined } from './exchange.ts'
import { RateLimitGate } from './rate-limit-gate.ts'
import { sleep } from './sleep.ts'
import { classifyResponse, DEFAULT_RETRY_POLICY, isIdempotent, retryAfterMs, type RetryEvent, type RetryPolicy, retryDelayMs, type Transient } from './retry.ts'
import { parseBaseUrl, type Target } from './target.ts'
import { requestText } from './undici.ts'
import { webhookRefusal } from './webhooks.ts'

export type Method = 'GET' | 'POST' | 'DELETE'
export type Credentials = 'target' | 'none' | { username: string; password: string }

export interface RequestSpec {
  method: Method
  /** Path under the base URL, starting with `/v1/`; may carry a query string. */
  path: string
  query?: Record<string, string | number | undefined>
  form?: Record<string, string | undefined>
  /**
   * A body already encoded, sent as given with its own Content-Type: for the checks that send a form the way other
   * clients encode it (charset parameters, `%20` for a space, another parameter order).
   */
  encoded?: { body: string; contentType: string }
  headers?: Record<string, string>
  /** Which credentials to send; 'target' (the configured account) unless a check probes auth. */
  auth?: Credentials
}

export interface HttpClientOptions {
  /** undici dispatcher: a keep-alive Agent for a live target, a MockAgent for replay. */
  dispatcher: Dispatcher
  /** Called with every completed exchange (for evidence and recording), the repeated ones included. */
  onExchange?: (ex: Exchange) => void
  /** Called before a request is repeated after a transient fault (for the report). */
  onRetry?: (event: RetryEvent) => void
  /** Minimum time between two requests of this client (rate limit for live accounts). */
  minIntervalMs?: number
  /**
   * The end of the time budget (a Date.now() instant): no repeat is waited for past it, and a 429 that lasts until
   * then ends in CouldNotJudge. Default: two minutes after each request's first attempt.
   */
  deadline?: number | (() => number)
  /**
   * Told how long a request is about to be held by the target's rate limit (a 429's wait, or the shared gate being
   * closed). The harness does not charge that time to the check's budget: it moves `deadline` on by as much.
   */
  onHeld?: (ms: number) => void
  /**
   * What a transient fault that cannot be repeated here becomes. `rerun` (a check's first run): a TransientFault,
   * and the harness re-runs the check. `judge` (the re-run, the preflight): the answer stands and is judged.
   */
  unsafeTransient?: 'rerun' | 'judge'
  /**
   * Stops this client (the check ran out of time, the run was interrupted): no request starts after it, and a wait
   * before a repeat ends at once; they end in CouldNotJudge. A request already sent is not cut off: the target may
   * have acted on it, and only its answer says what it made (so the ledger can list it for cleanup).
   */
  signal?: AbortSignal
  retryPolicy?: RetryPolicy
  /**
   * Shared by the clients of one target (src/client/rate-limit-gate.ts): a 429 holds back all of their requests,
   * not only the one it answered. Default: a gate of this client's own.
   */
  rateLimitGate?: RateLimitGate
  /** --allow-webhooks: X-Twilio-Webhook-Enabled: true may go to a twilio.com target (src/client/webhooks.ts). Default: it never does. */
  allowWebhooks?: boolean
}

/** A 429 with no deadline given is waited for at most this long. */
const DEFAULT_RATE_LIMIT_BUDGET_MS = 120_000

const USER_AGENT = 'twilio-conversations-message-conformance/0.1 (+undici)'

/**
 * The one HTTP path of the suite. It alone knows the target's origin and credentials, and it never sends the
 * credentials anywhere else: URLs the server hands out (next_page_url, url) are mapped onto the target.
 */
export class HttpClient {
  readonly base: URL
  /** The base URL's path without a trailing slash ('' at the root): every request path is appended to it. */
  private readonly prefix: string
  private lastRequestAt = 0
  /** Set once the check is over for this client (see send). */
  private stopped: Error | undefined
  private readonly gate: RateLimitGate
  /** The Authorization header of the target's own credentials, made once. */
  private targetAuthorization: string | undefined

  constructor(
    private readonly target: Target,
    private readonly options: HttpClientOptions,
  ) {
    this.base = parseBaseUrl(target.baseUrl)
    this.prefix = this.base.pathname.replace(/\/+$/, '')
    this.gate = options.rateLimitGate ?? new RateLimitGate()
  }

  get origin(): string {
    return this.base.origin
  }

  /**
   * Maps a URL the server returned (absolute or relative) to a path on the target. A URL on another origin keeps
   * only its path from `/v1/` on and its query: it is never followed, so credentials cannot leak to that origin.
   */
  toTargetPath(url: string): string {
    const parsed = new URL(url, this.base.origin)
    if (parsed.origin === this.base.origin && parsed.pathname.startsWith(this.prefix + '/')) {
      return parsed.pathname.slice(this.prefix.length) + parsed.search
    }
    const v1 = parsed.pathname.indexOf('/v1/')
    const path = v1 >= 0 ? parsed.pathname.slice(v1) : parsed.pathname
    return path + parsed.search
  }

  /**
   * Sends one request, repeating it after a transient fault when that is safe (src/client/retry.ts). After a
   * TransientFault or CouldNotJudge every later request of this client fails the same way at once, without the
   * network: the check is over (a property then stops instead of shrinking against a flaky target).
   */
  async send(spec: RequestSpec): Promise<Exchange> {
    if (this.stopped) throw this.stopped
    const refusal = webhookRefusal(this.target.baseUrl, spec.headers, this.options.allowWebhooks)
    if (refusal !== undefined) throw new CouldNotJudge(`not sent: ${refusal}`)
    const policy = this.options.retryPolicy ?? DEFAULT_RETRY_POLICY
    const given = this.options.deadline
    const fixedEnd = Date.now() + DEFAULT_RATE_LIMIT_BUDGET_MS
    const budgetEnd = (): number => (given === undefined ? fixedEnd : typeof given === 'number' ? given : given())
    let transientRepeats = 0
    let repeatedAfter: Transient | undefined
    const startedAt = Date.now()
    for (let attempt = 0; ; attempt++) {
      let ex: Exchange | undefined
      let failure: TransportError | undefined
      try {
        ex = await this.sendOnce(spec, budgetEnd)
      } catch (err) {
        if (!(err instanceof TransportError)) throw err
        failure = err
      }
      const kind = ex ? classifyResponse(ex.response.status, ex.json) : 'maybe-processed'
      if (ex && kind !== 'rate-limited') this.gate.answered()
      if (kind === undefined) {
        // A DELETE repeated after a reset that answers 404 may have deleted the message the first time.
        if (repeatedAfter === 'maybe-processed' && spec.method === 'DELETE' && ex!.response.status === 404) return this.unsafe(spec, ex!, undefined, 'a DELETE repeated after an unanswered one answered 404')
        return ex!
      }
      const mayRepeat = kind === 'rate-limited' || ((kind === 'not-processed' || isIdempotent(spec.method)) && transientRepeats < policy.maxTransientRetries)
      if (mayRepeat) {
        const waitMs =
          kind === 'rate-limited' ? this.gate.rateLimited(retryAfterMs(ex?.response.headers['retry-after']), policy) : retryDelayMs(ex?.response.headers['retry-after'], transientRepeats, policy)
        if (kind === 'rate-limited') this.options.onHeld?.(waitMs)
        if (Date.now() + waitMs <= budgetEnd()) {
          if (kind !== 'rate-limited') transientRepeats++
          repeatedAfter = kind
          this.options.onRetry?.({
            kind,
            method: spec.method,
            path: withQuery(spec.path, spec.query),
            ...(ex ? { status: ex.response.status } : { error: failure!.message }),
            attempt: attempt + 1,
            waitMs,
          })
          await sleep(waitMs, this.options.signal)
          continue // sendOnce stops first if the wait was aborted
        }
        if (kind === 'rate-limited') {
          throw this.stop(new CouldNotJudge(`${spec.method} ${withQuery(spec.path, spec.query)} was still rate limited (429) after ${attempt + 1} attempts, at the end of the check's time budget`))
        }
      }
      // A request that went unanswered every time says how often and how long: "did not answer within 10000 ms" alone,
      // after a minute, read as if the time limit had been ignored.
      const tried = failure && attempt > 0 ? new TransportError(`${failure.message}, ${attempt + 1} attempts in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`, failure.method, failure.path) : failure
      return this.unsafe(spec, ex, tried, kind === 'maybe-processed' && !isIdempotent(spec.method) ? 'not safe to repeat' : `persisted after ${transientRepeats} repeats`)
    }
  }

  /** A transient fault that is not repeated (further): the harness re-runs the check, or the answer stands. */
  private unsafe(spec: RequestSpec, ex: Exchange | undefined, failure: TransportError | undefined, why: string): Exchange {
    if (this.options.unsafeTransient === 'rerun') {
      const what = ex ? `answered ${ex.response.status}` : `got no answer (${failure!.message})`
      throw this.stop(new TransientFault(`${spec.method} ${withQuery(spec.path, spec.query)} ${what}; ${why}`, spec.method, spec.path))
    }
    if (failure) throw failure
    return ex!
  }

  /** Why the signal aborted: the harness aborts with a CouldNotJudge that says it (out of time, interrupted). */
  private abortReason(): Error {
    const reason: unknown = this.options.signal?.reason
    return reason instanceof Error ? reason : new CouldNotJudge('the check was stopped before it could judge')
  }

  private stop<E extends Error>(err: E): E {
    this.stopped = err
    return err
  }

  private async sendOnce(spec: RequestSpec, budgetEnd: () => number): Promise<Exchange> {
    if (this.options.signal?.aborted) throw this.stop(this.abortReason())
    await this.waitForGate(budgetEnd)
    if (this.options.signal?.aborted) throw this.stop(this.abortReason())
    await this.pace()
    const path = withQuery(spec.path, spec.query)
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT, ...spec.headers }
    let body: string | undefined
    if (spec.form) {
      body = encodeForm(spec.form)
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else if (spec.encoded) {
      body = spec.encoded.body
      // Any header of the caller's spelling of Content-Type gives way to the one the encoding names.
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name]
      headers['Content-Type'] = spec.encoded.contentType
    }
    const authorization = spec.auth === undefined || spec.auth === 'target' ? (this.targetAuthorization ??= basicAuth('target', this.target)) : basicAuth(spec.auth, this.target)
    const started = performance.now()
    try {
      const { statusCode, headers: responseHeaders, text } = await requestText(this.base.origin + this.prefix + path, {
        method: spec.method,
        headers: authorization ? { ...headers, authorization } : headers,
        body,
        dispatcher: this.options.dispatcher,
        headersTimeout: this.target.timeoutMs,
        bodyTimeout: this.target.timeoutMs,
        timeoutMs: this.target.timeoutMs,
      })
      const ex: Exchange = {
        // The Authorization header is deliberately not kept: exchanges end up in reports and recordings.
        request: { method: spec.method, path, headers, ...(body !== undefined ? { body } : {}), credentials: credentialsKind(spec.auth ?? 'target') },
        response: { status: statusCode, headers: flattenHeaders(responseHeaders), text },
        json: parseJsonOrUndefined(text),
        durationMs: Math.round(performance.now() - started),
      }
      this.options.onExchange?.(ex)
      return ex
    } catch (err) {
      throw new TransportError(describeTransportFailure(err, this.base.origin, this.target.timeoutMs), spec.method, path)
    }
  }

  /**
   * Waits while the target is rate limiting (another request was answered 429), never past the budget; the
   * requests that waited return spread over a moment rather than all at once.
   */
  private async waitForGate(budgetEnd: () => number): Promise<void> {
    const hold = this.gate.holdMs()
    if (hold <= 0) return
    const spread = Math.floor(Math.random() * Math.min(250, hold / 4))
    this.options.onHeld?.(hold + spread)
    await sleep(Math.min(hold + spread, Math.max(0, budgetEnd() - Date.now())), this.options.signal)
  }

  private async pace(): Promise<void> {
    const gap = this.options.minIntervalMs ?? 0
    if (gap <= 0) return
    const wait = this.lastRequestAt + gap - Date.now()
    if (wait > 0) await sleep(wait)
    this.lastRequestAt = Date.now()
  }
}

export function encodeForm(form: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(form)) if (v !== undefined) params.append(k, v)
  return params.toString()
}

function withQuery(path: string, query: RequestSpec['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v))
  const qs = params.toString()
  if (!qs) return path
  return path + (path.includes('?') ? '&' : '?') + qs
}

function credentialsKind(auth: Credentials): 'target' | 'none' | 'other' {
  return auth === 'target' || auth === 'none' ? auth : 'other'
}

function basicAuth(auth: Credentials, target: Target): string | undefined {
  if (auth === 'none') return undefined
  const { username, password } = auth === 'target' ? { username: target.username, password: target.secret } : auth
  return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64')
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  return out
}
