// The `stateless-echo` fault: the server answers as Prism 5 (`prism mock` on Twilio's OpenAPI file) does, so the suite
// can be run against what many teams use as their Twilio mock and shown not to certify it. Nothing is stored: every
// request the schema allows gets the file's first example of the operation's lowest 2xx status (the SIDs IMaaaa…,
// CHaaaa…, ISaaaa… of the examples; a list gets the example page), whatever it asked for.
//
// What is checked, in Prism's order, with its answers (application/problem+json, as Prism writes them):
// - the path and method: 404 NO_PATH_MATCHED_ERROR / 405 NO_METHOD_MATCHED_ERROR;
// - the security scheme (HTTP Basic): a missing or malformed `Authorization: Basic base64(user:password)` is 401 with
//   `WWW-Authenticate: Basic realm="*"`. Like Prism, the user name and password themselves are never compared;
// - the request against the schema: required parameters and form fields, and each value's type (integer), enum (case
//   sensitive), pattern, length, minimum and maximum, and date-time format. Any violation is 422 UNPROCESSABLE_ENTITY.
// Chosen simplifications: a form body is read only under application/x-www-form-urlencoded (any case, any
// parameters), anything else is read as no fields (Prism would answer 415); unknown parameters are ignored, as Prism does.
import { ECHO_OPERATIONS } from './echo-operations.generated.ts'
import type { EchoOperation, EchoSchema } from './echo-types.ts'
import type { Params } from './form.ts'

export interface EchoRequest {
  method: string
  path: string
  header(name: string): string | undefined
  /** Throws (a 400) when the query is not decodable: Prism would refuse it too. */
  query(): Params
  form(): Params
}

export interface EchoReply {
  status: number
  /** undefined: no body (a 204). */
  body: unknown
  headers: Readonly<Record<string, string>>
}

interface Compiled {
  op: EchoOperation
  segments: string[]
}

const COMPILED: Compiled[] = ECHO_OPERATIONS.map((op) => ({ op, segments: op.path.split('/') }))

const PROBLEM = { 'Content-Type': 'application/problem+json' }
const problem = (status: number, type: string, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): EchoReply => ({
  status,
  body: { type: `https://stoplight.io/prism/errors#${type}`, title, status, detail, ...extra },
  headers: { ...PROBLEM, ...headers },
})

/** The echo's answer to one request. */
export function echoAnswer(req: EchoRequest): EchoReply {
  const parts = req.path.split('/')
  const matches = COMPILED.map((c) => ({ c, params: matchPath(c.segments, parts) })).filter((m) => m.params !== null)
  if (matches.length === 0) return problem(404, 'NO_PATH_MATCHED_ERROR', 'Route not resolved, no path matched', `The route ${req.path} hasn't been found in the specification file`)
  const match = matches.find((m) => m.c.op.method === req.method)
  if (match === undefined) return problem(405, 'NO_METHOD_MATCHED_ERROR', 'Route resolved, but no method matched', `The route ${req.path} has been matched, but it does not have "${req.method}" method defined`)
  if (!isBasic(req.header('authorization'))) {
    return problem(401, 'UNAUTHORIZED', 'Invalid security scheme used', 'Your request does not fullfil the security requirements and no HTTP unauthorized response was found in the spec, so Prism is generating this error for you.', {}, { 'WWW-Authenticate': 'Basic realm="*"' })
  }
  const violations = validate(match.c.op, match.params!, req)
  if (violations.length > 0) {
    return problem(422, 'UNPROCESSABLE_ENTITY', 'Invalid request', 'Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.', {
      validation: violations.map(([location, message]) => ({ location, severity: 'Error', code: 'schema', message })),
    })
  }
  const { status, example } = match.c.op
  return example === undefined ? { status, body: undefined, headers: {} } : { status, body: example, headers: { 'Content-Type': 'application/json' } }
}

function matchPath(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!
    if (want.startsWith('{')) {
      if (parts[i] === '') return null
      params[want.slice(1, -1)] = safeDecode(parts[i]!)
    } else if (want !== parts[i]) return null
  }
  return params
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Prism's HTTP Basic check: the scheme, and a base64 `user:password` with both parts present. */
function isBasic(header: string | undefined): boolean {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!m) return false
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon > 0 && colon < decoded.length - 1
}

type Violation = [location: string[], message: string]

function validate(op: EchoOperation, path: Record<string, string>, req: EchoRequest): Violation[] {
  const out: Violation[] = []
  let query: Params
  try {
    query = req.query()
  } catch {
    return [[['query'], 'the query string cannot be decoded']]
  }
  for (const p of op.params) {
    const value = p.in === 'path' ? path[p.name] : p.in === 'query' ? query.get(p.name) : req.header(p.name)
    if (value === undefined) {
      if (p.required) out.push([[p.in, p.name], `must have required property '${p.name}'`])
      continue
    }
    const why = violation(p.schema, value)
    if (why) out.push([[p.in, p.name], why])
  }
  if (op.form && req.method === 'POST') {
    const form = req.form()
    for (const name of op.form.required) if (!form.has(name)) out.push([['body'], `must have required property '${name}'`])
    for (const [name, schema] of Object.entries(op.form.properties)) {
      const value = form.get(name)
      if (value === undefined) continue
      const why = violation(schema, value)
      if (why) out.push([['body', name], why])
    }
  }
  return out
}

/** Why a value breaks its schema facets, or undefined. Values arrive as strings (query, header, form). */
function violation(s: EchoSchema, value: string): string | undefined {
  if (s.type === 'integer' || s.type === 'number') {
    const n = Number(value)
    if (value.trim() === '' || !Number.isFinite(n) || (s.type === 'integer' && !Number.isInteger(n))) return `must be ${s.type}`
    if (s.minimum !== undefined && n < s.minimum) return `must be >= ${s.minimum}`
    if (s.maximum !== undefined && n > s.maximum) return `must be <= ${s.maximum}`
    return undefined
  }
  if (s.type === 'boolean' && value !== 'true' && value !== 'false') return 'must be boolean'
  if (s.enum && !s.enum.includes(value)) return `must be equal to one of the allowed values: ${s.enum.join(', ')}`
  const length = [...value].length
  if (s.minLength !== undefined && length < s.minLength) return `must NOT have fewer than ${s.minLength} characters`
  if (s.maxLength !== undefined && length > s.maxLength) return `must NOT have more than ${s.maxLength} characters`
  if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) return `must match pattern "${s.pattern}"`
  if (s.format === 'date-time' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value)) return 'must match format "date-time"'
  return undefined
}
