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

/** A 2xx response carrying one message of the given scope, valid against its schema. */
export function expectMessage(ex: Exchange, scope: Scope): MessageResource {
  const body = expectJson(ex)
  expectSchema(body, messageSchemaOf(scope), ex)
  return body as MessageResource
}

export function expectPage(ex: Exchange, scope: Scope): MessagePage {
  expectStatus(ex, 200)
  const body = expectJson(ex)
  expectSchema(body, pageSchemaOf(scope), ex)
  return body as MessagePage
}

/** A Twilio error: the given HTTP status, a JSON body with code, message, more_info and a matching status. */
export function expectTwilioError(ex: Exchange, expected: { status: number | readonly number[]; code?: number }): TwilioError {
  expectStatus(ex, expected.status)
  const body = expectJson(ex)
  expectSchema(body, 'error', ex)
  const err = body as TwilioError
  if (err.status !== ex.response.status) {
    throw new CheckFailure(`the error body says status ${err.status} but the HTTP status is ${ex.response.status}: ${describe(ex)}`, ex)
  }
  if (expected.code !== undefined && err.code !== expected.code) {
    throw new CheckFailure(`expected Twilio error code ${expected.code}, got ${err.code}: ${describe(ex)}`, ex)
  }
  return err
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
