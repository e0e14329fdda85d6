import fc from 'fast-check'

/** Twilio SID prefixes the Message resource uses. */
export type SidPrefix = 'AC' | 'CH' | 'IM' | 'MB' | 'HX' | 'IS' | 'ME'

const HEX = '0123456789abcdefABCDEF'.split('')
const hexChar = fc.constantFrom(...HEX)

/** A well-formed SID: the prefix and 32 hex digits, in either case (the doc's pattern allows both). */
export function sid(prefix: SidPrefix): fc.Arbitrary<string> {
  return fc.array(hexChar, { minLength: 32, maxLength: 32 }).map((digits) => prefix + digits.join(''))
}

/** The kinds of near miss, each turning a good SID into one that misses the pattern ^XX[0-9a-fA-F]{32}$. */
const lowerPrefix = (s: string): string => s.slice(0, 2).toLowerCase() + s.slice(2)
const wrongPrefix = (s: string): string => (s.startsWith('IM') ? 'IX' : 'IM') + s.slice(2)
const digitShort = (s: string): string => s.slice(0, 33)
const digitExtra = (s: string): string => s + 'a'
const notHex = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1)
const padded = (s: string): string => ` ${s}`

/**
 * SIDs that a careless implementation might still accept: the wrong or lower-case prefix, one digit too few or
 * too many, a non-hex digit, padding, or the right SID with something appended.
 */
export function nearMissSid(prefix: SidPrefix): fc.Arbitrary<string> {
  return nearMissOf(sid(prefix))
}

/**
 * The same near misses of given SIDs, e.g. of a message that exists (`nearMissOf(fc.constant(message.sid))`): a
 * server that trims, ignores case or matches a prefix would find that message, where a correct one finds nothing.
 */
export function nearMissOf(good: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    good.map(lowerPrefix),
    good.map(wrongPrefix),
    good.map(digitShort),
    good.map(digitExtra),
    fc.tuple(good, fc.integer({ min: 2, max: 33 }), fc.constantFrom('g', 'z', 'G', '-', '_', ' ')).map(([s, i, c]) => notHex(s, i, c)),
    good.map(padded),
  )
}

/** One near miss of every kind for one SID: for a check that must try each kind every time, not a random few. */
export function everyNearMissOf(good: string): string[] {
  return [lowerPrefix(good), wrongPrefix(good), digitShort(good), digitExtra(good), notHex(good, 17, 'g'), notHex(good, 33, '-'), padded(good)]
}
