/**
 * Input classes, per parameter: the kinds of value a server meets, each named, with a value that stands for it.
 * Random inputs rarely land on a class's edge (whitespace at both ends, a lone CR, the decomposed form of an accented
 * letter, a date with a half-hour offset), so every check that judges a parameter tries the classes it names here as
 * fixed examples on every run, before its random inputs. CLASSES_TRIED says which classes each requirement tries;
 * the checks take their example values from it (triedValues, triedDates, triedSids), so docs/coverage.md, which
 * lists it, cannot drift from what runs.
 *
 * `reading`: what every conformant server does with the class: accepts it (and stores exactly what was sent, byte
 * for byte: no trimming, no line-ending or Unicode normalisation), refuses it, or either (the doc leaves it open).
 */
import { everyNearMissOf } from './sids.ts'

export type Reading = 'accepted' | 'refused' | 'either'

export interface InputClass {
  /** What the class is, in a few words. */
  what: string
  reading: Reading
  /** The values that stand for it (for dates and SIDs, made from an instant or a SID: see DATE_FORMS, SID_FORMS). */
  values: readonly string[]
}

export type Parameter =
  | 'Body' | 'Author' | 'Subject' | 'Attributes' | 'DateCreated' | 'DateUpdated' | 'MediaSid' | 'ContentSid' | 'ContentVariables'
  | 'Order' | 'PageSize' | 'Page' | 'PageToken' | 'Sid' | 'X-Twilio-Webhook-Enabled'

const NFC = 'Caf\u00e9 \u00c5ngstr\u00f6m na\u00efve \u1ec7'
/** The same text decomposed: a server must store what was sent, not its canonical composition. */
const NFD = NFC.normalize('NFD')

/** Text classes shared by the free-text fields (Body, Author). */
const TEXT: Record<string, InputClass> = {
  'letter-case': { what: 'upper and lower case mixed', reading: 'accepted', values: ['MiXeD CaSe TeXt'] },
  // One value per class, holding every case of it, so a class costs one write.
  whitespace: { what: 'leading and trailing white space (spaces and tabs)', reading: 'accepted', values: [' \t two spaces and a tab at each end \t '] },
  'line-endings': { what: 'each line ending: LF, CRLF, CR, and one at the end', reading: 'accepted', values: ['LF\nCRLF\r\nCR\rand a final LF\n'] },
  nfc: { what: 'Unicode NFC (composed accents)', reading: 'accepted', values: [NFC] },
  nfd: { what: 'Unicode NFD (decomposed accents) of the NFC text', reading: 'accepted', values: [NFD] },
  'non-ascii': { what: 'non-ASCII letters of several scripts, right-to-left text', reading: 'accepted', values: ['déjà vu Straße 日本語 Ελληνικά שלום'] },
  astral: { what: 'characters outside the BMP: emoji, a ZWJ sequence, a flag, a musical symbol', reading: 'accepted', values: ['😀 👨\u200d👩\u200d👧 🇳🇱 𝄞'] },
}

/** Instants rendered in each RFC 3339 section 5.6 form: see DATE_FORMS. */
const DATE: Record<string, InputClass> = {
  'utc-z': { what: 'UTC with Z', reading: 'accepted', values: ['2019-05-01T10:00:00Z'] },
  'utc-offset': { what: 'UTC as +00:00', reading: 'accepted', values: ['2019-05-01T10:00:00+00:00'] },
  'negative-offset': { what: 'a negative offset (-07:00)', reading: 'accepted', values: ['2019-05-01T03:00:00-07:00'] },
  'half-hour-offset': { what: 'a positive half-hour offset (+05:30)', reading: 'accepted', values: ['2019-05-01T15:30:00+05:30'] },
  'fraction-short': { what: 'one fractional digit', reading: 'accepted', values: ['2019-05-01T10:00:00.5Z'] },
  'fraction-long': { what: 'six fractional digits', reading: 'accepted', values: ['2019-05-01T10:00:00.123456Z'] },
  'fraction-offset': { what: 'a fraction with an offset', reading: 'accepted', values: ['2019-05-01T12:00:00.250+02:00'] },
  // RFC 3339 allows them; ISO 8601 parsers (and so many servers) do not, and no Twilio page says which the API takes.
  'lower-case': { what: 'lower-case t and z (RFC 3339 section 5.6 NOTE allows them; a parser of ISO 8601 may refuse them)', reading: 'either', values: ['2019-05-01t10:00:00z'] },
  'no-zone': { what: 'no time zone (a local time)', reading: 'refused', values: ['2019-04-23T10:20:30'] },
  'no-such-day': { what: 'a day or month that does not exist', reading: 'refused', values: ['2019-02-30T10:00:00Z', '2019-13-01T00:00:00Z'] },
  words: { what: 'not a date at all', reading: 'refused', values: ['yesterday'] },
  empty: { what: 'the empty string', reading: 'either', values: [''] },
}

const JSON_TEXT: Record<string, InputClass> = {
  object: { what: 'a JSON object', reading: 'accepted', values: ['{"nested":{"list":[1,true]}}'] },
  'non-object': { what: 'JSON values other than objects (stored as sent, or refused: the Attributes page says a JSON object)', reading: 'either', values: ['[]', '"text"', '42', 'null'] },
  whitespace: { what: 'JSON with white space around and inside, and CRLF line endings', reading: 'accepted', values: [' {\r\n  "spaced" : [ 1 , 2 ]\r\n} '] },
  'non-ascii': { what: 'non-ASCII text in a JSON string', reading: 'accepted', values: ['{"name":"José 日本語"}'] },
  astral: { what: 'an emoji in a JSON string, raw and escaped', reading: 'accepted', values: ['{"emoji":"😀","escaped":"\\ud83d\\ude00"}'] },
  nfd: { what: 'an NFD string in JSON (a server must not normalise it)', reading: 'accepted', values: [JSON.stringify({ name: NFD })] },
  'not-json': { what: 'text that is not JSON', reading: 'refused', values: ["{ 'importance': 'high' }", '{"a":1,}'] },
  empty: { what: 'the empty string', reading: 'either', values: [''] },
}

/** The SID classes of a well-formed SID: made from a real one (SID_FORMS). */
const SID: Record<string, InputClass> = {
  'as-issued': { what: 'the SID as the API gave it', reading: 'accepted', values: ['IM…'] },
  'lower-hex': { what: 'the hex digits in lower case', reading: 'accepted', values: ['IM0123456789abcdef0123456789abcdef'] },
  'upper-hex': { what: 'the hex digits in upper case', reading: 'accepted', values: ['IM0123456789ABCDEF0123456789ABCDEF'] },
  'lower-prefix': { what: 'the prefix in lower case', reading: 'refused', values: ['im…'] },
  'wrong-prefix': { what: 'another resource\'s prefix', reading: 'refused', values: ['IX…'] },
  'one-short': { what: '31 hex digits', reading: 'refused', values: ['IM…(31)'] },
  'one-long': { what: '33 characters after the prefix', reading: 'refused', values: ['IM…a'] },
  'not-hex': { what: 'a digit that is not hex', reading: 'refused', values: ['IM…g…', 'IM…-'] },
  padded: { what: 'a leading space', reading: 'refused', values: [' IM…'] },
}

export const INPUT_CLASSES: Readonly<Record<Parameter, Readonly<Record<string, InputClass>>>> = {
  Body: {
    empty: { what: 'the empty string (no content)', reading: 'refused', values: [''] },
    ...TEXT,
    'at-max': { what: 'exactly 1,600 characters', reading: 'accepted', values: ['x'.repeat(1600)] },
    'past-max': { what: '1,601 characters', reading: 'refused', values: ['x'.repeat(1601)] },
  },
  Author: { ...TEXT, default: { what: 'left out: the default "system"', reading: 'accepted', values: [] } },
  Subject: {
    ...TEXT,
    'at-max': { what: 'exactly 256 characters', reading: 'accepted', values: [('Ünïcødé subject – '.repeat(15) + 'x'.repeat(256)).slice(0, 256)] },
    'past-max': { what: '257 characters', reading: 'refused', values: ['s'.repeat(257)] },
  },
  Attributes: { ...JSON_TEXT, default: { what: 'left out: the default "{}"', reading: 'accepted', values: [] } },
  DateCreated: DATE,
  DateUpdated: DATE,
  MediaSid: { 'lower-hex': SID['lower-hex']!, 'upper-hex': SID['upper-hex']!, 'lower-prefix': SID['lower-prefix']!, 'one-short': SID['one-short']!, 'not-hex': SID['not-hex']!, empty: { what: 'the empty string', reading: 'either', values: [''] } },
  ContentSid: { 'lower-hex': { ...SID['lower-hex']!, values: ['HX0123456789abcdef0123456789abcdef'] }, 'upper-hex': { ...SID['upper-hex']!, values: ['HX0123456789ABCDEF0123456789ABCDEF'] }, 'lower-prefix': SID['lower-prefix']!, empty: { what: 'the empty string', reading: 'either', values: [''] } },
  ContentVariables: { object: JSON_TEXT['object']!, 'not-json': JSON_TEXT['not-json']!, empty: JSON_TEXT['empty']! },
  Order: {
    asc: { what: 'asc', reading: 'accepted', values: ['asc'] },
    desc: { what: 'desc', reading: 'accepted', values: ['desc'] },
    'letter-case': { what: 'any casing (the doc\'s own DeSc and AsC)', reading: 'accepted', values: ['DeSc', 'AsC', 'DESC'] },
    default: { what: 'left out: ascending', reading: 'accepted', values: [] },
    other: { what: 'neither asc nor desc', reading: 'either', values: ['newest'] },
    empty: { what: 'the empty string', reading: 'either', values: [''] },
  },
  PageSize: {
    min: { what: 'the minimum, 1', reading: 'accepted', values: ['1'] },
    small: { what: 'a small page (several pages to follow)', reading: 'accepted', values: ['2', '7'] },
    default: { what: 'the default, 50', reading: 'accepted', values: ['50'] },
    'past-default': { what: 'one past the default and beyond, up to the maximum (51 to 100)', reading: 'accepted', values: ['51', '77'] },
    max: { what: 'the maximum, 100', reading: 'accepted', values: ['100'] },
    'past-max': { what: 'one past the maximum, 101', reading: 'either', values: ['101'] },
    'under-min': { what: '0 and negative', reading: 'either', values: ['0', '-1'] },
    'not-integer': { what: 'not an integer', reading: 'either', values: ['1.5', 'abc'] },
    empty: { what: 'the empty string', reading: 'either', values: [''] },
  },
  Page: {
    first: { what: 'page 0 (the first)', reading: 'accepted', values: ['0'] },
    'under-min': { what: 'a negative page', reading: 'either', values: ['-1'] },
    'not-integer': { what: 'not an integer', reading: 'either', values: ['abc'] },
  },
  PageToken: {
    issued: { what: 'a token the API handed out for this list', reading: 'accepted', values: ['(from next_page_url)'] },
    foreign: { what: "another conversation's token", reading: 'either', values: ['(from another list)'] },
    'never-issued': { what: 'a token the API never handed out', reading: 'either', values: ['PTnever-issued'] },
  },
  Sid: SID,
  'X-Twilio-Webhook-Enabled': {
    true: { what: 'true', reading: 'accepted', values: ['true'] },
    false: { what: 'false', reading: 'accepted', values: ['false'] },
    other: { what: 'a value outside the enum', reading: 'refused', values: ['yes', '1'] },
    empty: { what: 'the empty string', reading: 'either', values: [''] },
  },
}

/**
 * Which classes of which parameters each requirement's check tries as fixed examples, every run. Checks read their
 * examples from here (triedValues and friends), so the table is what runs.
 */
export const CLASSES_TRIED: Readonly<Record<string, Partial<Record<Parameter, readonly string[]>>>> = {
  'msg.create.body-round-trip': { Body: ['letter-case', 'whitespace', 'line-endings', 'nfc', 'nfd', 'non-ascii', 'astral', 'at-max'] },
  'msg.create.author': { Author: ['letter-case', 'whitespace', 'line-endings', 'nfc', 'nfd', 'non-ascii', 'astral'] },
  'msg.create.subject': { Subject: ['at-max', 'letter-case', 'whitespace', 'line-endings', 'nfd', 'non-ascii', 'astral'] },
  'msg.create.attributes': { Attributes: ['object', 'non-object', 'whitespace', 'non-ascii', 'astral', 'nfd'] },
  'msg.create.date-created': { DateCreated: ['utc-z', 'utc-offset', 'negative-offset', 'half-hour-offset', 'fraction-short', 'fraction-long', 'fraction-offset', 'lower-case'] },
  'msg.create.date-updated': { DateUpdated: ['utc-z', 'utc-offset', 'negative-offset', 'half-hour-offset', 'fraction-short', 'fraction-long', 'fraction-offset', 'lower-case'] },
  'msg.update.dates': {
    DateCreated: ['utc-z', 'negative-offset', 'half-hour-offset', 'fraction-long', 'lower-case'],
    DateUpdated: ['utc-z', 'utc-offset', 'half-hour-offset', 'fraction-short', 'fraction-offset'],
  },
  'msg.update.applies-changes': { Body: ['whitespace', 'line-endings', 'nfd', 'astral'] },
  'msg.list.page-size': { PageSize: ['min', 'small', 'default', 'past-default', 'max'] },
  'msg.list.paging-past-default-page': { PageSize: ['min', 'small', 'default', 'past-default', 'max'] },
  'msg.list.order-case-insensitive': { Order: ['asc', 'desc', 'letter-case'] },
  'msg.list.page-token-foreign': { PageToken: ['issued', 'foreign'] },
  'msg.fetch.malformed-sid': { Sid: ['lower-prefix', 'wrong-prefix', 'one-short', 'one-long', 'not-hex', 'padded'] },
  'msg.create.webhook-header': { 'X-Twilio-Webhook-Enabled': ['true', 'false'] },
  'msg.update.webhook-header': { 'X-Twilio-Webhook-Enabled': ['true', 'false'] },
  'msg.delete.webhook-header': { 'X-Twilio-Webhook-Enabled': ['true', 'false'] },
}

function classesOf(requirement: string, parameter: Parameter): string[] {
  const names = CLASSES_TRIED[requirement]?.[parameter]
  if (names === undefined) throw new Error(`CLASSES_TRIED names no ${parameter} classes for ${requirement}`)
  return [...names]
}

/** The example values of the classes `requirement` tries for `parameter`, each with its class name. */
export function triedValues(requirement: string, parameter: Parameter): Array<{ cls: string; value: string }> {
  return classesOf(requirement, parameter).flatMap((cls) => {
    const c = INPUT_CLASSES[parameter][cls]
    if (c === undefined) throw new Error(`${requirement}: ${parameter} has no input class "${cls}"`)
    return c.values.map((value) => ({ cls, value }))
  })
}

const pad = (n: number, w = 2): string => String(Math.trunc(n)).padStart(w, '0')

/** An instant (epoch seconds, with a fraction when the form has one) written at an offset of `minutes` east of UTC. */
function atOffset(epochMs: number, minutes: number, fraction: string, zone: string): string {
  const d = new Date(epochMs + minutes * 60_000)
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}${zone}`
}

/**
 * Each accepted date class as a function of an instant (epoch seconds), so a check tries every form of an instant
 * drawn from its seed (never the doc's example dates). A fraction adds less than a second: compare to the second.
 */
export const DATE_FORMS: Readonly<Record<string, (epochSeconds: number) => string>> = {
  'utc-z': (s) => atOffset(s * 1000, 0, '', 'Z'),
  'utc-offset': (s) => atOffset(s * 1000, 0, '', '+00:00'),
  'negative-offset': (s) => atOffset(s * 1000, -7 * 60, '', '-07:00'),
  'half-hour-offset': (s) => atOffset(s * 1000, 5 * 60 + 30, '', '+05:30'),
  'fraction-short': (s) => atOffset(s * 1000, 0, '.5', 'Z'),
  'fraction-long': (s) => atOffset(s * 1000, 0, '.123456', 'Z'),
  'fraction-offset': (s) => atOffset(s * 1000, 120, '.250', '+02:00'),
  'lower-case': (s) => atOffset(s * 1000, 0, '', 'z').replace('T', 't'),
}

/** The date classes `requirement` tries for `parameter`, each written for the instant `epochSeconds`. */
export function triedDates(requirement: string, parameter: 'DateCreated' | 'DateUpdated', epochSeconds: number): Array<{ cls: string; value: string; mayRefuse: boolean }> {
  return classesOf(requirement, parameter).map((cls) => {
    const form = DATE_FORMS[cls]
    if (form === undefined) throw new Error(`${requirement}: ${parameter} class "${cls}" is not a date form a server must accept`)
    // A class whose reading is 'either' (lower-case t and z) may be refused; accepted, it must mean the same instant.
    return { cls, value: form(epochSeconds), mayRefuse: INPUT_CLASSES[parameter][cls]?.reading === 'either' }
  })
}

/** The near-miss SID classes `requirement` tries, made from the real SID `good` (see sids.ts everyNearMissOf). */
export function triedSids(requirement: string, good: string): Array<{ cls: string; value: string }> {
  const [lowerPrefix, wrongPrefix, oneShort, oneLong, notHexInside, notHexAtEnd, padded] = everyNearMissOf(good)
  const made: Record<string, readonly string[]> = {
    'lower-prefix': [lowerPrefix!], 'wrong-prefix': [wrongPrefix!], 'one-short': [oneShort!], 'one-long': [oneLong!], 'not-hex': [notHexInside!, notHexAtEnd!], padded: [padded!],
  }
  return classesOf(requirement, 'Sid').flatMap((cls) => (made[cls] ?? []).map((value) => ({ cls, value })))
}
