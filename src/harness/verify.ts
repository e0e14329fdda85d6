import type { Scope } from '../client/api.ts'
import { type Exchange, isJsonResponse } from '../client/exchange.ts'
import type { MessagePage, MessageResource, TwilioError } from '../client/resources.ts'
import { type SchemaName, validateSchema } from '../schemas/validate.ts'
import { CheckFailure } from './failure.ts'

/**
 * Shared verifiers: every check states its expectations through these, so a failure always reads the same way
 * and always carries the exchange that showed it.
 */

export function describe(ex: Exchange): string {
  return `${ex.request.method} ${ex.request.path} → ${ex.response.status}`
}

export function expectStatus(ex: Exchange, expected: number | readonly number[], why = ''): void {
  const allowed = typeof expected === 'number' ? [expected] : expected
  if (!allowed.includes(ex.response.status)) {
    const body = ex.response.text.length > 200 ? ex.response.text.slice(0, 200) + '…' : ex.response.text
    throw new CheckFailure(
      `expected HTTP ${allowed.join(' or ')}${why ? ` (${why})` : ''}, got ${ex.response.status}: ${describe(ex)} ${body}`.trim(),
      ex,
    )
  }
}

/** The response is JSON by media type and parses. Returns the parsed body. */
export function expectJson(ex: Exchange): unknown {
  if (!isJsonResponse(ex)) {
    throw new CheckFailure(`expected a JSON response, got Content-Type "${ex.response.headers['content-type'] ?? '(none)'}": ${describe(ex)}`, ex)
  }
  if (ex.json === undefined) throw new CheckFailure(`the response body is not valid JSON: ${describe(ex)}`, ex)
  return ex.json
}

export function expectSchema(data: unknown, schema: SchemaName, ex?: Exchange, where = ''): void {
  const issues = validateSchema(schema, data)
  if (issues.length > 0) {
    const lines = issues.slice(0, 5).map((i) => `${where}${i.message}`)
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : ''
    throw new CheckFailure(`response does not match the ${schema} schema: ${lines.join('; ')}${more}`, ex)
  }
}

export const messageSchemaOf = (scope: Scope): SchemaName => (scope === 'service' ? 'service-message' : 'message')
export const pageSchemaOf = (scope: Scope): SchemaName => (scope === 'service' ? 'service-message-page' : 'message-page')

/**
 * A response body that is a message: a JSON object with a string `sid`, returned for the check to judge. Deliberately
 * no more: the schema, the media type and the status code are each their own requirement (msg.representation.schema,
 * msg.representation.json-content-type, msg.create.status-201), so a server that gets only one of those wrong fails
 * only that one, not every check that reads a message.
 */
export function expectMessage(ex: Exchange, _scope?: Scope): MessageResource {
  const body = ex.json as { sid?: unknown } | undefined
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof body.sid !== 'string') {
    throw new CheckFailure(`expected a message (a JSON object with a sid): ${describe(ex)} ${ex.response.text.slice(0, 200)}`.trim(), ex)
  }
  return body as MessageResource
}

/** A 200 whose body is a page: an object with a `messages` array and a `meta` object (see expectMessage for why no more). */
export function expectPage(ex: Exchange, _scope?: Scope): MessagePage {
  expectStatus(ex, 200)
  const body = ex.json as { meta?: unknown; messages?: unknown } | undefined
  if (typeof body !== 'object' || body === null || !Array.isArray(body.messages) || typeof body.meta !== 'object' || body.meta === null) {
    throw new CheckFailure(`expected a page (a JSON object with meta and a messages array): ${describe(ex)} ${ex.response.text.slice(0, 200)}`.trim(), ex)
  }
  return body as MessagePage
}

/** The response validates against the Message (or page) schema of its scope: msg.representation.schema's test. */
export function expectSchemaValid(ex: Exchange, kind: 'message' | 'page', scope: Scope): void {
  expectSchema(expectJson(ex), kind === 'message' ? messageSchemaOf(scope) : pageSchemaOf(scope), ex)
}

/**
 * A Twilio error: the given HTTP status, a JSON body with code, message, more_info and status, each meaning what it
 * says: message is not empty; code is a Twilio error code (an integer of five digits, as every code of Twilio's error
 * dictionary is); more_info is the page of that code, https://www.twilio.com/docs/errors/<code>; status is the HTTP
 * status.
 */
export function expectTwilioError(ex: Exchange, expected: { status: number | readonly number[]; code?: number }): TwilioError {
  expectStatus(ex, expected.status)
  const body = expectJson(ex)
  expectSchema(body, 'error', ex)
  const err = body as TwilioError
  if (err.status !== ex.response.status) {
    throw new CheckFailure(`the error body says status ${err.status} but the HTTP status is ${ex.response.status}: ${describe(ex)}`, ex)
  }
  const meaningless = errorBodyProblem(err)
  if (meaningless !== undefined) throw new CheckFailure(`${meaningless}: ${describe(ex)}`, ex)
  if (expected.code !== undefined && err.code !== expected.code) {
    throw new CheckFailure(`expected Twilio error code ${expected.code}, got ${err.code}: ${describe(ex)}`, ex)
  }
  return err
}

/** Twilio's error codes: every code of its error dictionary has five digits (10001 … 9xxxx). */
const TWILIO_CODE = /^[1-9][0-9]{4}$/

/** The page of Twilio's error dictionary for a code; a trailing slash is the same page. */
export const moreInfoOf = (code: number): string => `https://www.twilio.com/docs/errors/${code}`

/** Why an error body's fields do not mean what they say, or undefined when they do (its shape is the schema's). */
export function errorBodyProblem(err: TwilioError): string | undefined {
  if (err.message.trim() === '') return 'the error body has an empty message'
  if (!TWILIO_CODE.test(String(err.code))) return `the error code ${err.code} is not a Twilio error code (five digits, as in Twilio's error dictionary)`
  if (err.more_info.replace(/\/$/, '') !== moreInfoOf(err.code)) return `the error more_info ${JSON.stringify(err.more_info)} is not the page of its code ${err.code} (${moreInfoOf(err.code)})`
  return undefined
}

/** Deep equality on JSON values, with the first differing pointer in the message. */
export function expectSameJson(actual: unknown, expected: unknown, what: string, ex?: Exchange): void {
  const diff = firstDifference(actual, expected, '')
  if (diff !== undefined) {
    throw new CheckFailure(`${what}: differs at ${diff.pointer || '/'}: expected ${show(diff.expected)}, got ${show(diff.actual)}`, ex)
  }
}

export function expectThat(condition: boolean, message: string, ex?: Exchange): asserts condition {
  if (!condition) throw new CheckFailure(ex ? `${message}: ${describe(ex)}` : message, ex)
}

interface Difference {
  pointer: string
  expected: unknown
  actual: unknown
}

export function firstDifference(actual: unknown, expected: unknown, pointer: string): Difference | undefined {
  if (Object.is(actual, expected)) return undefined
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return { pointer, expected, actual }
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return { pointer, expected, actual }
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)])
  for (const k of keys) {
    const d = firstDifference((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${pointer}/${k}`)
    if (d) return d
  }
  return undefined
}

function show(v: unknown): string {
  const s = JSON.stringify(v)
  return s === undefined ? 'nothing' : s.length > 120 ? s.slice(0, 120) + '…' : s
}

/**
 * Statuses that are 4xx but say something other than "your input is invalid": not authenticated, not allowed, no
 * such resource, wrong method, slow down. A server that answers one of them to invalid input has not validated it.
 */
export const NOT_A_VALIDATION_ERROR: readonly number[] = [401, 403, 404, 405, 429]

/** True for a validation error: a 4xx other than 401, 403, 404, 405 and 429. */
export const isValidationError = (status: number): boolean => status >= 400 && status <= 499 && !NOT_A_VALIDATION_ERROR.includes(status)

/**
 * The request was refused as invalid input: a validation error (a 400-class status other than 401, 403, 404, 405
 * and 429) with a Twilio error body. Which of those statuses and which code is the server's choice.
 */
export function expectRejected(ex: Exchange, what: string): TwilioError {
  if (!isValidationError(ex.response.status)) {
    const why = NOT_A_VALIDATION_ERROR.includes(ex.response.status) ? ` (${ex.response.status} is not a validation error)` : ''
    throw new CheckFailure(`${what} should be rejected as invalid input (a 4xx Twilio error other than 401, 403, 404, 405, 429), got ${describe(ex)}${why}`, ex)
  }
  return expectTwilioError(ex, { status: ex.response.status })
}

/** Instant equality of two RFC 3339 date-times (a server may add fractional seconds or another offset). */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false
  const ta = Date.parse(a)
  return !Number.isNaN(ta) && ta === Date.parse(b)
}

/**
 * Whether a date-time a server answered names the same second as one sent (RFC 3339, any offset, any fraction): a
 * server may keep whole seconds, dropping or rounding a fraction, so the two may differ by less than a second; an
 * offset read as UTC, or dropped, moves the instant by hours.
 */
export function sameSecond(answered: unknown, sent: string): boolean {
  if (typeof answered !== 'string') return false
  const a = Date.parse(answered.toUpperCase())
  const b = Date.parse(sent.toUpperCase())
  return !Number.isNaN(a) && !Number.isNaN(b) && Math.abs(a - b) < 1000
}

/**
 * What a string of JSON (such as attributes) encodes, for comparing by value: a server may re-serialise JSON. A
 * string that is not JSON comes back as itself, so a comparison still fails and shows it.
 */
export function jsonValueOf(text: unknown): unknown {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * The operation succeeded (any 2xx). Checks that need an operation to have worked use this, so that the exact
 * success status (201 for create, 204 for delete) is judged once, by its own requirement, and a server that gets
 * only that wrong fails only that requirement.
 */
export function expectAccepted(ex: Exchange, why = ''): void {
  if (ex.response.status < 200 || ex.response.status > 299) {
    const body = ex.response.text.length > 200 ? ex.response.text.slice(0, 200) + '…' : ex.response.text
    throw new CheckFailure(`expected the request to succeed (2xx)${why ? ` (${why})` : ''}, got ${ex.response.status}: ${describe(ex)} ${body}`.trim(), ex)
  }
}
