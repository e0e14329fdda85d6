/**
 * What the doc's value formats mean, as predicates: SIDs (a prefix and 32 hex digits of either case) and RFC 3339
 * date-times. The live checks (src/harness/verify.ts) and the static rules (src/validate/rules.ts) both judge with these.
 */

/** Two SIDs name the same resource: same prefix, same hex digits in either case (the doc's patterns allow both). */
export function sameSid(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false
  return a.slice(0, 2) === b.slice(0, 2) && a.slice(2).toLowerCase() === b.slice(2).toLowerCase()
}

// RFC 3339 section 5.6 date-time: a zone (Z or ±hh:mm) is mandatory, a fraction of any length is allowed, T and Z
// may be lower case; the section's note allows a space for the T.
const RFC3339_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/

/** True when `value` is an RFC 3339 date-time with a time zone and every field in range (Date.parse rolls 02-30 over). */
export function isRfc3339DateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const m = RFC3339_DATE_TIME.exec(value)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  const zoneOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59)
  return day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60 && zoneOk
}
