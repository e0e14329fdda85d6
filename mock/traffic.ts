// The traffic conditions: what a busy production service does to a request before and after it is
// handled. Transient 503s and 429 bursts are decided before a request is dispatched, so a refused
// request changed nothing and a retry is always safe; latency delays every answer, refusals included.
import type { Conditions } from './conditions.ts'
import { ApiError, serviceUnavailable, tooManyRequests } from './errors.ts'
import { seededStream } from './random.ts'

/** A burst starts at every BURST_PERIOD-th request counted outside bursts, so at least 149 get through between two. */
const BURST_PERIOD = 150
/** rate-limit-burst-no-retry-after starts half a period later, so with both on the bursts take turns. */
const NO_RETRY_AFTER_OFFSET = 75

export interface Traffic {
  /** The refusal for a request arriving now, or undefined to let it through. Call once per request. */
  admit(): ApiError | undefined
  /** How long to hold the answer to the current request back, in ms (0 without `latency`). */
  delayMs(): number
}

export function createTraffic(conditions: Conditions, seed: number, clock: () => number = Date.now): Traffic {
  const drawFailure = seededStream(seed, 'transient-503')
  const drawJitter = seededStream(seed, 'latency')
  const drawRateLimit = seededStream(seed, 'rate-limit-steady')
  let counted = 0 // requests that arrived outside a burst
  let burst: { until: number; retryAfter: boolean } | undefined

  const refusal = (retryAfter: boolean) => tooManyRequests(retryAfter ? { 'Retry-After': '1' } : {})

  /** The request that starts a burst is its first refusal. */
  function startBurst(lengthMs: number, retryAfter: boolean): ApiError {
    burst = { until: clock() + lengthMs, retryAfter }
    return refusal(retryAfter)
  }

  return {
    admit() {
      if (burst !== undefined && clock() < burst.until) return refusal(burst.retryAfter)
      burst = undefined
      counted++
      if (conditions.on('rate-limit-burst') && counted % BURST_PERIOD === 0) return startBurst(conditions.amount('rate-limit-burst'), true)
      if (conditions.on('rate-limit-burst-no-retry-after') && counted % BURST_PERIOD === NO_RETRY_AFTER_OFFSET) {
        return startBurst(conditions.amount('rate-limit-burst-no-retry-after'), false)
      }
      if (conditions.on('rate-limit-steady') && drawRateLimit() * conditions.amount('rate-limit-steady') < 1) return refusal(true)
      if (conditions.on('transient-503') && drawFailure() * conditions.amount('transient-503') < 1) return serviceUnavailable()
      return undefined
    },
    delayMs() {
      return conditions.on('latency') ? Math.round(conditions.amount('latency') * (0.5 + drawJitter())) : 0
    },
  }
}
