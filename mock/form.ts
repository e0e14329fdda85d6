// application/x-www-form-urlencoded decoding, for request bodies and query strings alike.
//
// We do not use URLSearchParams because it is lenient in ways that hide client bugs: it keeps a
// broken escape like `%E0%A4%A` as literal text and replaces invalid UTF-8 with U+FFFD, so a
// message body would be stored corrupted and answered 201. Here every byte is accounted for and a
// malformed parameter is rejected with a 400 that names it.
import { invalidParameter } from './errors.ts'

/** Decoded parameters. The first occurrence of a repeated name wins, as with a servlet's getParameter(). */
export type Params = ReadonlyMap<string, string>

const AMP = 0x26
const EQ = 0x3d
const PLUS = 0x2b
const PERCENT = 0x25
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  const lower = byte | 0x20
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10
  return -1
}

type Decoded = { ok: true; text: string } | { ok: false; why: string }

function decodeComponent(raw: Uint8Array, plusIsSpace = true): Decoded {
  const out = new Uint8Array(raw.length) // decoding never grows the input
  let n = 0
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!
    if (b === PLUS && plusIsSpace) out[n++] = 0x20
    else if (b === PERCENT) {
      const hi = hexValue(raw[i + 1])
      const lo = hexValue(raw[i + 2])
      if (hi < 0 || lo < 0) return { ok: false, why: 'malformed percent-encoding' }
      out[n++] = hi * 16 + lo
      i += 2
    } else out[n++] = b
  }
  try {
    return { ok: true, text: utf8.decode(out.subarray(0, n)) }
  } catch {
    return { ok: false, why: 'invalid UTF-8' }
  }
}

export interface DecodeOptions {
  /** False only under the `form-plus-literal` fault: `+` stays a plus, as with decodeURIComponent. */
  plusIsSpace?: boolean
}

/** Decode `a=1&b=2`; throws a 400 ApiError naming the first malformed parameter. */
export function parseUrlEncoded(input: Uint8Array, options: DecodeOptions = {}): Params {
  const plusIsSpace = options.plusIsSpace ?? true
  const params = new Map<string, string>()
  let start = 0
  while (start <= input.length) {
    let end = input.indexOf(AMP, start)
    if (end === -1) end = input.length
    const pair = input.subarray(start, end)
    start = end + 1
    if (pair.length === 0) continue // `a=1&&b=2` and a trailing `&` are harmless
    const eq = pair.indexOf(EQ)
    const key = decodeComponent(eq === -1 ? pair : pair.subarray(0, eq), plusIsSpace)
    if (!key.ok) throw invalidParameter(`A parameter name has ${key.why}`)
    const value = decodeComponent(eq === -1 ? new Uint8Array(0) : pair.subarray(eq + 1), plusIsSpace)
    if (!value.ok) throw invalidParameter(`Parameter ${key.text} has ${value.why}`)
    if (!params.has(key.text)) params.set(key.text, value.text)
  }
  return params
}

/**
 * Only for the `body-double-decoded` fault: what a server that decodes an already-decoded value again makes of it,
 * leniently (`+` becomes a space, a valid `%XX` escape its byte, anything else stays as it is).
 */
export function decodeAgain(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/** Query strings arrive as the request-target text; Node hands it over one char per byte (latin1). */
export function parseQueryString(query: string): Params {
  return parseUrlEncoded(Buffer.from(query, 'latin1'))
}

export interface FormTypeRules {
  /** False only under the `form-charset-ignored` fault: a Content-Type with parameters is not a form. */
  parameters?: boolean
  /** True only under the `form-type-case-sensitive` fault: the media type must be written in lower case. */
  caseSensitive?: boolean
}

/**
 * Whether a Content-Type header denotes a form body. Media types are case-insensitive and may carry parameters
 * (RFC 9110 §8.3.1): `Application/X-WWW-Form-Urlencoded; Charset=UTF-8` is a form like the plain lower-case type.
 */
export function isFormContentType(header: string | undefined, rules: FormTypeRules = {}): boolean {
  if (header === undefined) return false
  if (rules.parameters === false && header.includes(';')) return false
  const type = header.split(';')[0]!.trim()
  return (rules.caseSensitive ? type : type.toLowerCase()) === 'application/x-www-form-urlencoded'
}
