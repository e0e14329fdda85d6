/**
 * How many checks of one worker are in flight against a target, adapted to its rate limit (the `ci` profile):
 * a new burst of 429s (src/client/rate-limit-gate.ts) halves the limit, down to one; answers without a 429 grow it
 * back by one at a time up to where it started (additive increase, multiplicative decrease, as TCP does with its
 * window). A check takes a slot before it starts and gives it back when it ends; the checks already in flight when
 * the limit falls finish, and no new one starts until fewer than the limit are running.
 *
 * As TCP halves its window at most once per round trip, the limit halves at most once a second: the 429s that
 * answer requests already sent are the same overload, not a worse one. It grows by one after as many answers as
 * it allows checks (one per "window"), counted since it last moved, not in a row: a target that refuses every
 * seventh request (a steady concurrency limit) still lets it grow back between refusals.
 *
 * The limit is per check worker (a thread) and target origin, like the gate it listens to: on two cores the checks
 * have one worker, so it is the run's limit; with two workers each halves and grows its own half.
 */
import type { RateLimitGate } from './rate-limit-gate.ts'
import { threadId } from 'node:worker_threads'

/** What a run's summary says of the adaptation (absent from a check when the limit never moved). */
export interface InFlightRecord {
  /** The check worker (thread) whose limit this is. */
  worker: number
  /** Checks in flight at the start. */
  initial: number
  /** The lowest the 429s brought it to. */
  lowest: number
  /** Where it stood when this record was taken. */
  current: number
  halvings: number
  increases: number
}

/** The limit halves at most this often. */
const HALVE_AT_MOST_EVERY_MS = 1000

export class InFlightLimit {
  private running = 0
  private limit: number
  private lowest: number
  private halvings = 0
  private increases = 0
  private answers = 0
  private halvedAt = -Infinity
  private readonly waiting: Array<() => void> = []

  constructor(private readonly initial: number) {
    this.limit = initial
    this.lowest = initial
  }

  /** Waits for a slot; the returned function gives it back (call it once). */
  async acquire(): Promise<() => void> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.running++
    let released = false
    return () => {
      if (released) return
      released = true
      this.running--
      this.admit()
    }
  }

  burst(now = Date.now()): void {
    if (this.limit === 1 || now - this.halvedAt < HALVE_AT_MOST_EVERY_MS) return
    this.halvedAt = now
    this.answers = 0
    this.limit = Math.max(1, Math.floor(this.limit / 2))
    this.lowest = Math.min(this.lowest, this.limit)
    this.halvings++
  }

  answered(): void {
    if (this.limit >= this.initial) return
    if (++this.answers < this.limit) return
    this.answers = 0
    this.limit++
    this.increases++
    this.admit()
  }

  /** The limit's story so far, or undefined while it has never moved. */
  record(): InFlightRecord | undefined {
    if (this.halvings === 0) return undefined
    return { worker: threadId, initial: this.initial, lowest: this.lowest, current: this.limit, halvings: this.halvings, increases: this.increases }
  }

  /** Lets waiting checks start while there is room. */
  private admit(): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      this.running++
      this.waiting.shift()!()
    }
  }
}

const limits = new Map<string, InFlightLimit>()

/** The limit every check of this thread shares for a target origin, listening to that origin's rate-limit gate. */
export function sharedInFlightLimit(origin: string, gate: RateLimitGate, initial: number): InFlightLimit {
  let limit = limits.get(origin)
  if (!limit) {
    limits.set(origin, (limit = new InFlightLimit(initial)))
    gate.listen(limit)
  }
  return limit
}
