// Twilio resource identifiers: a two-letter type prefix followed by 32 hex digits.
// Generated from crypto.randomBytes so that SIDs are unguessable, like the real ones:
// a suite that accidentally relies on predictable SIDs should break here, not in production.
import { randomBytes, randomFillSync } from 'node:crypto'

export type SidPrefix = 'AC' | 'IS' | 'CH' | 'MB' | 'IM' | 'ME' | 'HX' | 'RQ' | 'US' | 'SK' | 'RL'

export interface SidOptions {
  /** The doc's patterns are `[0-9a-fA-F]`, so upper-case hex is allowed; real SIDs are lower-case. */
  upperCaseHex?: boolean
}

// Random bytes are drawn a few kilobytes at a time: one call per SID (every response has a request ID) costs more
// than the rest of making the SID.
const pool = Buffer.alloc(4096)
let used = pool.length

export function newSid(prefix: SidPrefix, opts: SidOptions = {}): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  const hex = pool.toString('hex', used, (used += 16))
  return prefix + (opts.upperCaseHex ? hex.toUpperCase() : hex)
}

/** Random lower-case hex, used for generated auth tokens. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** True when `value` is exactly `prefix` + 32 hex digits (either case), the pattern every doc schema uses. */
export function isSid(prefix: SidPrefix, value: string): boolean {
  return value.length === 34 && value.startsWith(prefix) && /^[0-9a-fA-F]{32}$/.test(value.slice(2))
}
