import type { CheckContext } from '../../src/harness/check.ts'
import type { Exchange } from '../../src/client/exchange.ts'
import { expectRejected } from '../../src/harness/verify.ts'

/**
 * Past instants for the checks that give DateCreated or DateUpdated, drawn from the check's seed: never the doc's
 * example dates (2015-12-16T22:18:37Z, 2020-07-01T22:18:37Z), so a server that answers with the doc's examples
 * cannot pass, yet the same on every replay of a seed.
 */

/** 2016-01-01T00:00:00Z: the start of the range, after the doc's first example date (2015-12-16), well in the past. */
const FROM = Date.UTC(2016, 0, 1) / 1000
/**
 * Four years less a month (to the start of December 2019), so that a date a few days later (`laterBy`, under 30 days)
 * is still before the doc's other example, 2020-07-01, and before 2020-01-01T00:00:00Z, where the clock of a
 * reproducible recording (fixtures/cassettes) starts: an edit there must still come after every seeded date.
 */
const SPAN_SECONDS = (4 * 365 - 31) * 24 * 3600
const MAX_LATER_BY = 30 * 24 * 3600

/** A date from a response as epoch milliseconds; NaN for anything that is not a string (null, a number). */
export const instant = (date: unknown): number => (typeof date === 'string' ? Date.parse(date) : NaN)

/**
 * Not RFC 3339 date-times: no time zone (a local time is ambiguous), a date that does not exist, a month that does not
 * exist, and plain words, in each date parameter: a server that validates one and ignores the other fails.
 */
export const NOT_RFC3339_DATES: ReadonlyArray<readonly ['DateCreated' | 'DateUpdated', string]> = [
  ['DateCreated', '2019-04-23T10:20:30'],
  ['DateCreated', '2019-02-30T10:00:00Z'],
  ['DateCreated', 'yesterday'],
  ['DateUpdated', '2019-04-23T10:20:30'],
  ['DateUpdated', '2019-13-01T00:00:00Z'],
]

/** An RFC 3339 date-time in UTC, whole seconds, as the doc writes them. */
export function rfc3339(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A past instant in 2016..2019 chosen by `hex` (from ctx.randomHex(4)), as epoch seconds. */
export function pastSeconds(hex: string): number {
  return FROM + (Number.parseInt(hex, 16) % SPAN_SECONDS)
}

/** A past date-time chosen by `hex`; with `laterBy` seconds added (for a DateUpdated after a DateCreated). */
export function pastDate(hex: string, laterBy = 0): string {
  if (laterBy < 0 || laterBy >= MAX_LATER_BY) throw new Error(`pastDate: laterBy must be from 0 to under 30 days, got ${laterBy} s`)
  return rfc3339(pastSeconds(hex) + laterBy)
}

/**
 * A date form the doc leaves open (a class whose reading is 'either': lower-case t and z) that the target refused as
 * invalid input: the refusal is judged as a validation error and recorded as the reading; true when it was one.
 */
export function refusedAsAllowed(ctx: Pick<CheckContext, 'reading'>, res: Exchange, date: { cls: string; value: string; mayRefuse: boolean }, parameter: string): boolean {
  if (!date.mayRefuse || res.response.status < 400 || res.response.status >= 500) return false
  expectRejected(res, `${parameter} ${date.value} (${date.cls})`)
  ctx.reading(`${parameter} ${date.cls}`, `refused with ${res.response.status}`)
  return true
}
