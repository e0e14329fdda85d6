/**
 * A target's rate limit is the account's, not one request's. When one request is answered 429, every request to
 * that target waits until the wait it was told has passed, instead of each concurrent check finding out on its own
 * and all of them coming back at the same instant (which is what starts the next burst). The clients of one thread
 * share the gate of their target's origin.
 *
 * How long: Retry-After when the target gives it, plus a little jitter so the waiters do not return together;
 * without it, exponential backoff over the 429s the gate has seen in a row (any request's success resets it; a 429
 * to a request sent before the gate closed is not one more), with
 * "equal jitter" (at least half the step), so a run of 429s slows every request down together instead of each
 * request burning its own attempts.
 */
import { type RetryPolicy } from './retry.ts'

/** Told of what the gate sees (src/client/in-flight-limit.ts adapts the checks in flight to it). */
export interface RateLimitListener {
  /** A 429 arrived while the gate was open: a new burst, not a request sent before the gate closed. */
  burst(): void
  /** A request got an answer that was not a 429. */
  answered(): void
}

export class RateLimitGate {
  private until = 0
  private streak = 0
  private readonly listeners: RateLimitListener[] = []

  constructor(private readonly random: () => number = Math.random) {}

  /** A request was answered 429: returns how long it waits before its repeat, and holds every request back as long. */
  rateLimited(retryAfterMs: number | undefined, policy: RetryPolicy, now = Date.now()): number {
    // A 429 while the gate is closed answers a request sent before it closed: the same burst, not a longer one.
    if (retryAfterMs === undefined && now < this.until) return this.until - now
    if (now >= this.until) for (const l of this.listeners) l.burst()
    this.streak++
    let waitMs: number
    if (retryAfterMs !== undefined) {
      waitMs = Math.min(policy.maxDelayMs, retryAfterMs + Math.floor(this.random() * Math.min(1000, retryAfterMs / 4)))
    } else {
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (this.streak - 1))
      waitMs = Math.floor(step / 2 + this.random() * (step / 2))
    }
    this.until = Math.max(this.until, now + waitMs)
    return waitMs
  }

  /** A request got an answer that was not a 429: the limit has let go. */
  answered(): void {
    this.streak = 0
    for (const l of this.listeners) l.answered()
  }

  listen(listener: RateLimitListener): void {
    this.listeners.push(listener)
  }

  /** How long a request starting now must wait. */
  holdMs(now = Date.now()): number {
    return Math.max(0, this.until - now)
  }
}

const gates = new Map<string, RateLimitGate>()

/** The gate every client of this thread shares for a target origin. */
export function sharedRateLimitGate(origin: string): RateLimitGate {
  let gate = gates.get(origin)
  if (!gate) gates.set(origin, (gate = new RateLimitGate()))
  return gate
}
