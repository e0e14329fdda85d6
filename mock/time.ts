// Dates in this API are whole seconds: the doc's examples are all `2015-12-16T22:18:37Z`
// (RFC 3339, UTC, no fractional part). We store epoch seconds so that what we output is
// exactly what we compare and sort on.

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export function formatDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000)
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  )
}

// RFC 3339 section 5.6 `date-time`: a zone is mandatory (a local time is ambiguous), the
// separators are case-insensitive, a fraction of any length is allowed.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

/**
 * Parse an RFC 3339 date-time into epoch seconds (fraction dropped), or `null` when it is not one.
 * Field ranges are checked by hand because `Date.parse` silently rolls `02-30` over into March.
 */
export function parseDateTime(text: string): number | null {
  const m = RFC3339.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  // Second 60 is a leap second; RFC 3339 allows it and Date folds it into the next minute.
  if (hour > 23 || minute > 59 || second > 60) return null
  let offsetMinutes = 0
  if (m[9] !== undefined) {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return null
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 onto 1900..1999.
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute - offsetMinutes, second, 0)
  const utcYear = d.getUTCFullYear()
  // Our output format has exactly four year digits; a zone offset can push 0000 or 9999 out of range.
  if (utcYear < 0 || utcYear > 9999) return null
  return Math.floor(d.getTime() / 1000)
}
