import fc from 'fast-check'

/** The documented Body limit, in characters. */
export const BODY_LIMIT = 1600
/** The chat limit of the Conversations limits page ("Chat: 32KB"), which a target may apply instead: 32 KiB. */
export const CHAT_BODY_LIMIT = 32_768

/**
 * Fragments that stress storage and form encoding: unicode from several scripts, emoji (surrogate pairs, ZWJ
 * sequences, flags), combining marks, right-to-left text, newlines, and the form metacharacters % + & =.
 */
const FRAGMENTS = [
  'hello', 'Ahoy there!', 'déjà vu', 'Straße', '日本語のテキスト', '中文', '한국어', 'Ελληνικά', 'кириллица',
  '😀', '👍🏽', '👨‍👩‍👧‍👦', '🇳🇱', 'e\u0301', 'a\u0308\u0323', 'שלום עולם', 'مرحبا بالعالم', '\u200fRTL\u200e',
  '\n', '\n\n', '\t', ' ', '%', '%25', '%zz', '+', '&', '=', 'a=b&c=d', '100% + 1', '?', '#', '/', '\\', '"', "'", '<b>', '{}',
]

/**
 * Removes control characters other than tab and line feed: what a server does with NUL or a lone CR is not
 * documented, so generated input avoids them rather than fail a conformant server.
 */
export function withoutControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
}

/** Keeps a string within `max` UTF-16 code units without splitting a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s
  let cut = s.slice(0, max)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut
}

/**
 * Bodies of 1 to 1,600 characters. Length is kept within 1,600 UTF-16 code units, which is also within 1,600
 * code points, so a server counting either way must accept them. They start and end with a visible character:
 * whether a server trims surrounding white space is not documented either way.
 */
export const validBody: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('A', 'z', '7', 'é', '日', '😀', '%', '+', '&', '='),
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 20 }).map(withoutControls)), { maxLength: 40 }),
    fc.constantFrom('.', 'Z', '😀', 'ש', '%', '&', '=', '+'),
    fc.option(fc.integer({ min: 1, max: BODY_LIMIT }), { freq: 4 }),
  )
  .map(([first, middle, last, padTo]) => {
    let body = first + middle.join('') + last
    // Now and then pad to a long body, so lengths near the limit are exercised too.
    if (padTo !== null && padTo > body.length) body = body + 'x'.repeat(Math.max(0, padTo - body.length - last.length)) + last
    const clipped = clip(body, BODY_LIMIT)
    return clipped.trim() === '' ? 'x' : clipped
  })
  .filter((b) => b.length >= 1 && b.length <= BODY_LIMIT && b.trim() === b)

/** Bodies over the limit: 1,601 to 4,000 characters (ASCII, or multi-byte, so no counting rule makes them fit). */
export const overLimitBody: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: BODY_LIMIT + 1, max: 4000 }), fc.constantFrom('x', 'é', '日', '%'))
  .map(([n, ch]) => ch.repeat(n))
