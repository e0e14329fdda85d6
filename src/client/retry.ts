/**
 * When a request is repeated, and for how long. A transient fault of the target is never a verdict: the client
 * waits and repeats what is safe to repeat, and hands the harness what is not (it re-runs the whole check).
 *
 * - Not processed: a 429 (Twilio 20429, "never processed … always safe to retry") and a 5xx whose body is Twilio's
 *   20429 or 20503 say the request did nothing, so any method is repeated: after Retry-After (seconds or an HTTP
 *   date) when given, else with exponential backoff and full jitter. A 429 is repeated until the check's time
 *   budget runs out, never a fixed number of times; a 20503 a few times (a server that answers it to every request
 *   is broken, and that persisting answer is judged).
 * - Maybe processed: another 5xx, a reset connection or a timeout. GET and DELETE are repeated with backoff (a
 *   DELETE that did happen the first time is recognised by the harness, see msg.delete checks); a POST (create,
 *   update) is not repeated blindly: the harness re-runs the whole check once, from a fresh conversation.
 */

export type Transient = 'rate-limited' | 'not-processed' | 'maybe-processed'

/** One repeated request, for the report: what it hit and how long the client waited before repeating it. */
export interface RetryEvent {
  kind: Transient
  method: string
  path: string
  /** The HTTP status, or undefined when no answer came (the error says why). */
  status?: number
  error?: string
  attempt: number
  waitMs: number
}

export interface RetryPolicy {
  /** Repeats of a not-processed 5xx, or a maybe-processed fault on GET/DELETE, before the answer stands. */
  maxTransientRetries: number
  /** First backoff step; the n-th repeat waits a random time up to base · 2^n (full jitter), capped. */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxTransientRetries: 4, baseDelayMs: 100, maxDelayMs: 10_000 }

const NOT_PROCESSED_CODES = new Set([20429, 20503])

/** What kind of transient fault a response is, or undefined for an answer that stands. */
export function classifyResponse(status: number, json: unknown): Transient | undefined {
  if (status === 429) return 'rate-limited'
  if (status < 500 || status > 599) return undefined
  const code = (json as { code?: unknown } | undefined)?.code
  return typeof code === 'number' && NOT_PROCESSED_CODES.has(code) ? 'not-processed' : 'maybe-processed'
}

/** True for the methods whose repetition cannot do anything the first request did not. */
export const isIdempotent = (method: string): boolean => method === 'GET' || method === 'DELETE'

/** The wait before repeat number `attempt` (0-based): Retry-After when the server gave one, else backoff with jitter. */
export function retryDelayMs(retryAfter: string | undefined, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random, now = Date.now()): number {
  const told = retryAfterMs(retryAfter, now)
  if (told !== undefined) return Math.min(policy.maxDelayMs, told)
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt))
}

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date (RFC 9110 section 10.2.3); undefined if neither. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const when = Date.parse(trimmed)
  return Number.isNaN(when) ? undefined : Math.max(0, when - now)
}
