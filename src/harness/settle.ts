/**
 * Read-after-write settling. A real service may show a write in its lists (or a delete in its fetches) a moment
 * late. A read that verifies the effect of a write therefore polls, with backoff, until what it reads agrees with
 * what was written, or until the settle time (`--settle MS`) is spent; then the check judges the last answer as
 * usual. A consistent target pays nothing (the first read agrees); a target that never agrees still fails, with its
 * last answer as evidence; the report says how long settling took, so lag is visible.
 *
 * "Agrees" is about visibility only (the message is listed, the deleted one is gone, the edit shows), never the
 * requirement itself: a list in the wrong order is judged at once, not waited on.
 */
import { sleep } from '../client/sleep.ts'
import type { SettleRecord } from '../run/results.ts'

export interface Settler {
  /** Polls `read` until `agrees` holds or the settle time is spent; returns the last value read. */
  settle<T>(read: () => Promise<T>, agrees: (value: T) => boolean): Promise<T>
  readonly record: SettleRecord
}

export interface SettlerOptions {
  /** How long one read may wait for the target to agree (--settle). */
  settleMs: number
  /**
   * The waiting one check may spend on reads that never agree: a target that never shows a write costs at most this
   * much per check, after which its reads are judged at once. Reads that do agree (a lagging but consistent target)
   * spend none of it, however many there are.
   */
  budgetMs: number
  /** No wait runs past this instant (the check's own time limit). */
  deadline: number
  signal?: AbortSignal
}

const FIRST_POLL_MS = 50
const MAX_POLL_MS = 1000

export function createSettler(options: SettlerOptions): Settler {
  const record: SettleRecord = { reads: 0, delayed: 0, polls: 0, waitedMs: 0, longestMs: 0, unsettled: 0 }
  let budgetLeft = options.budgetMs
  return {
    record,
    async settle(read, agrees) {
      record.reads++
      let value = await read()
      // The settle time counts from the first answer, not the first request: a read slowed by latency or retried
      // through a 429 burst has not given the target its time to show the write, so at least one more read follows.
      const started = Date.now()
      let polls = 1
      let delay = FIRST_POLL_MS
      let agreed = agrees(value)
      while (!agreed) {
        const spent = Date.now() - started
        const left = Math.min(options.settleMs - spent, budgetLeft - spent, options.deadline - Date.now())
        if (left <= 0 || options.signal?.aborted) break
        await sleep(Math.min(delay, left), options.signal)
        delay = Math.min(delay * 2, MAX_POLL_MS)
        value = await read()
        polls++
        agreed = agrees(value)
      }
      record.polls += polls
      if (polls === 1 && agreed) return value // a first read that agrees costs nothing
      const waited = Date.now() - started
      record.waitedMs += waited
      if (agreed) {
        record.delayed++
        record.longestMs = Math.max(record.longestMs, waited)
      } else {
        record.unsettled++
        budgetLeft -= waited
      }
      return value
    },
  }
}
