/**
 * The cassette format: one JSON file per check, an array of interactions in nock's definition format, so the same
 * file serves `nock.define()` (or `nock.load()`) in the tests of a client built on `http`, this suite's replay
 * (undici MockAgent, src/record/replay.ts) and `conformance validate`.
 *
 * One interaction:
 *   scope       the recorded origin, e.g. "http://127.0.0.1:4010" (nock: the host to intercept)
 *   method      "GET" | "POST" | "DELETE"
 *   path        path and query on that origin, as sent
 *   body        a form body as its decoded fields ({"Body": "hi"}: nock compares forms field by field, so another
 *               client's encoding still matches), any other body as text; absent when there was none
 *   status      the HTTP status
 *   response    a JSON object or array as parsed JSON, any other body as text, "" when empty
 *   headers     the response headers worth keeping (names lower case; no Date, Set-Cookie or hop-by-hop headers);
 *               Content-Length is recomputed from the recorded (redacted) body: nock 14 hangs a keep-alive
 *               client without it (nock/nock#3001), and the original is wrong once a secret is scrubbed
 *   rawHeaders  the same headers under the name nock.define() reads (nock ignores `headers`)
 *   conformance what nock does not need: the kind of credentials sent ("target", "none" or "other": never the
 *               credentials) and the request headers that matter (content type, X-Twilio-*). No timings: a
 *               re-recording differs only where the server's answers do
 *
 * Nothing is written before redaction (src/record/redact.ts): no Authorization header is ever kept, the auth
 * token and other secrets are scrubbed, the account SID becomes a placeholder.
 */
import { readFileSync } from 'node:fs'
import type { Exchange } from '../client/exchange.ts'
import type { Redactor } from './redact.ts'

export type FormFields = Record<string, string | string[]>

export interface CassetteInteraction {
  scope: string
  method: string
  path: string
  body?: FormFields | string
  status: number
  response: unknown
  headers: Record<string, string>
  rawHeaders?: Record<string, string> | string[]
  conformance?: {
    credentials?: 'target' | 'none' | 'other'
    requestHeaders?: Record<string, string>
  }
}

/** Response headers never recorded: volatile (Date), wrong once a body is redacted (Content-Length), secret or hop-by-hop. */
const DROPPED_RESPONSE_HEADERS = new Set(['date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'authorization', 'proxy-authenticate', 'proxy-authorization'])
/** Request headers kept (under `conformance`): the ones a server's answer can depend on. */
const KEPT_REQUEST_HEADERS = /^(content-type|x-twilio-[\w-]+)$/i

/** The file of one check's cassette: requirement ID and scope, e.g. `msg.create.status-201.default.json`. */
export function cassetteFileName(requirement: string, scope: string | undefined): string {
  return `${requirement}${scope ? `.${scope}` : ''}.json`
}

export const PREFLIGHT_CASSETTE = 'preflight.json'

/**
 * One exchange as an interaction. `origin` and `prefix` are the target's (the prefix is the base URL's path, so
 * `path` is the full path on the origin and nock finds it).
 */
export function toInteraction(ex: Exchange, target: { origin: string; prefix: string }, redactor: Redactor): CassetteInteraction {
  const requestHeaders: Record<string, string> = {}
  for (const [k, v] of Object.entries(ex.request.headers)) if (KEPT_REQUEST_HEADERS.test(k)) requestHeaders[k.toLowerCase()] = v
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(ex.response.headers)) if (!DROPPED_RESPONSE_HEADERS.has(k.toLowerCase())) headers[k.toLowerCase()] = v
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(requestHeaders['content-type'] ?? '')
  const body = ex.request.body === undefined ? undefined : isForm ? decodeForm(ex.request.body) : ex.request.body
  const interaction: CassetteInteraction = {
    scope: target.origin,
    method: ex.request.method,
    path: target.prefix + ex.request.path,
    ...(body !== undefined ? { body } : {}),
    status: ex.response.status,
    response: responseValue(ex.response.text),
    headers,
    rawHeaders: headers,
    conformance: {
      ...(ex.request.credentials ? { credentials: ex.request.credentials } : {}),
      ...(Object.keys(requestHeaders).length > 0 ? { requestHeaders } : {}),
    },
  }
  const { scope, ...rest } = interaction
  // The origin is not scrubbed: the replay needs it, and nothing secret belongs in a base URL.
  return withContentLength({ scope, ...redactor.deep(rest) })
}

/** Sets Content-Length from the recorded body (after any rewriting), in `headers` and `rawHeaders` alike. */
export function withContentLength(i: CassetteInteraction): CassetteInteraction {
  const headers = { ...i.headers }
  delete headers['content-length']
  if (i.status >= 200 && i.status !== 204 && i.status !== 304) headers['content-length'] = String(Buffer.byteLength(responseText(i.response)))
  return { ...i, headers, rawHeaders: headers }
}

/** A JSON object or array is kept parsed (readable, and nock replies with it as JSON); anything else as text. */
export function responseValue(text: string): unknown {
  if (text === '') return ''
  try {
    const parsed = JSON.parse(text) as unknown
    if (parsed !== null && typeof parsed === 'object') return parsed
  } catch {
    // not JSON: kept as text
  }
  return text
}

/** The body text an interaction's `response` stands for. */
export function responseText(response: unknown): string {
  if (response === undefined || response === null || response === '') return ''
  return typeof response === 'string' ? response : JSON.stringify(response)
}

export function decodeForm(body: string): FormFields {
  const out: FormFields = {}
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k]
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}

/** The response headers of an interaction, from `headers` or nock's `rawHeaders` (object or flat array). */
export function headersOf(i: Pick<CassetteInteraction, 'headers' | 'rawHeaders'>): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  const raw = i.headers ?? i.rawHeaders
  if (raw === undefined) return undefined
  if (Array.isArray(raw)) {
    for (let n = 0; n + 1 < raw.length; n += 2) out[String(raw[n]).toLowerCase()] = String(raw[n + 1])
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [k, v] of Object.entries(raw)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
  }
  return out
}

/** Why a value is not a list of nock definitions, or undefined when it is one. */
export function notInteractions(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'not a JSON array of interactions'
  for (const [n, item] of value.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return `item ${n} is not an object`
    const i = item as Record<string, unknown>
    if (typeof i['method'] !== 'string') return `item ${n} has no "method"`
    if (typeof i['path'] !== 'string') return `item ${n} has no "path"`
    if (i['status'] !== undefined && (typeof i['status'] !== 'number' || !Number.isInteger(i['status']))) return `item ${n} has a "status" that is not an integer`
  }
  return undefined
}

/** Reads a cassette; throws an Error with one readable line when the file is missing, not JSON or not a cassette. */
export function readCassette(file: string): CassetteInteraction[] {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`cannot read the cassette ${file}: ${(err as Error).message}`)
  }
  const why = notInteractions(value)
  if (why) throw new Error(`${file} is not a cassette: ${why}`)
  return (value as CassetteInteraction[]).map((i) => ({ ...i, status: i.status ?? 200 }))
}

export function writeCassetteText(interactions: readonly CassetteInteraction[]): string {
  return JSON.stringify(interactions, null, 2) + '\n'
}
