import { request, type Dispatcher } from 'undici'
import { describeTransportFailure, TransportError } from './errors.ts'
import { type Exchange, parseJsonOrUndefined } from './exchange.ts'
import { parseBaseUrl, type Target } from './target.ts'

export type Method = 'GET' | 'POST' | 'DELETE'
export type Credentials = 'target' | 'none' | { username: string; password: string }

export interface RequestSpec {
  method: Method
  /** Path under the base URL, starting with `/v1/`; may carry a query string. */
  path: string
  query?: Record<string, string | number | undefined>
  form?: Record<string, string | undefined>
  headers?: Record<string, string>
  /** Which credentials to send; 'target' (the configured account) unless a check probes auth. */
  auth?: Credentials
}

export interface HttpClientOptions {
  /** undici dispatcher: a keep-alive Agent for a live target, a MockAgent for replay. */
  dispatcher: Dispatcher
  /** Called with every completed exchange (for evidence and recording). */
  onExchange?: (ex: Exchange) => void
  /** How many times a 429 is retried before it is returned to the caller. */
  maxRetries429?: number
  /** Minimum time between two requests of this client (rate limit for live accounts). */
  minIntervalMs?: number
}

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

  constructor(
    private readonly target: Target,
    private readonly options: HttpClientOptions,
  ) {
    this.base = parseBaseUrl(target.baseUrl)
    this.prefix = this.base.pathname.replace(/\/+$/, '')
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

  async send(spec: RequestSpec): Promise<Exchange> {
    const retries = this.options.maxRetries429 ?? 4
    for (let attempt = 0; ; attempt++) {
      const ex = await this.sendOnce(spec)
      if (ex.response.status !== 429 || attempt >= retries) return ex
      // A 429 (Twilio 20429) was never processed and is always safe to retry: wait as told, within reason.
      await sleep(retryDelayMs(ex.response.headers['retry-after'], attempt))
    }
  }

  private async sendOnce(spec: RequestSpec): Promise<Exchange> {
    await this.pace()
    const path = withQuery(spec.path, spec.query)
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT, ...spec.headers }
    let body: string | undefined
    if (spec.form) {
      body = encodeForm(spec.form)
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const authorization = basicAuth(spec.auth ?? 'target', this.target)
    const started = performance.now()
    try {
      const res = await request(this.base.origin + this.prefix + path, {
        method: spec.method,
        headers: authorization ? { ...headers, authorization } : headers,
        body,
        dispatcher: this.options.dispatcher,
        headersTimeout: this.target.timeoutMs,
        bodyTimeout: this.target.timeoutMs,
        signal: AbortSignal.timeout(this.target.timeoutMs),
      })
      const text = await res.body.text()
      const ex: Exchange = {
        // The Authorization header is deliberately not kept: exchanges end up in reports and recordings.
        request: { method: spec.method, path, headers, ...(body !== undefined ? { body } : {}), credentials: credentialsKind(spec.auth ?? 'target') },
        response: { status: res.statusCode, headers: flattenHeaders(res.headers), text },
        json: parseJsonOrUndefined(text),
        durationMs: Math.round(performance.now() - started),
      }
      this.options.onExchange?.(ex)
      return ex
    } catch (err) {
      throw new TransportError(describeTransportFailure(err, this.base.origin, this.target.timeoutMs), spec.method, path)
    }
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
  const { username, password } = auth === 'target' ? { username: target.accountSid, password: target.authToken } : auth
  return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64')
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  return out
}

/** Retry-After in seconds (or an HTTP date), else exponential backoff; capped so a run cannot stall. */
export function retryDelayMs(retryAfter: string | undefined, attempt: number): number {
  const cap = 10_000
  if (retryAfter !== undefined) {
    const secs = Number(retryAfter)
    if (Number.isFinite(secs) && secs >= 0) return Math.min(cap, secs * 1000)
    const when = Date.parse(retryAfter)
    if (!Number.isNaN(when)) return Math.min(cap, Math.max(0, when - Date.now()))
  }
  return Math.min(cap, 200 * 2 ** attempt)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
