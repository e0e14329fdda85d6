/**
 * Reading what `conformance validate` is given: this suite's cassettes, nock definition files, HAR files (from a
 * browser's developer tools or a proxy) and bare JSON bodies, all turned into the same recorded exchanges.
 */
import { readFileSync, statSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { parseJsonOrUndefined } from '../client/exchange.ts'
import { decodeForm, type FormFields, headersOf, notInteractions } from '../record/cassette.ts'
import { MANIFEST_FORMAT } from '../record/manifest.ts'
import { type BodyShape, shapeOf } from './operations.ts'

export type InputKind = 'cassette' | 'nock' | 'har' | 'body' | 'manifest'

export interface RecordedExchange {
  /** Where in the file: "#3" (the third interaction or HAR entry). */
  label: string
  /** Absent for a bare body. */
  request?: { method: string; path: string; body?: FormFields | string }
  response: {
    /** Absent for a bare body. */
    status?: number
    /** Absent when the recording kept none (a bare body, a nock file without rawHeaders). */
    headers?: Record<string, string>
    text: string
    /** The body parsed as JSON, or undefined when it is empty or not JSON. */
    json: unknown
  }
  /** For a bare body: its kind by shape. */
  shape?: BodyShape
  /** Why this entry cannot be judged at all (a HAR entry without a response). */
  unjudgeable?: string
}

export interface RecordedFile {
  file: string
  kind: InputKind
  exchanges: RecordedExchange[]
}

/** The file cannot be validated: not JSON, truncated, not a recording, not a body this API returns. */
export class UnusableInput extends Error {
  override name = 'UnusableInput'
}

export function readRecordedFile(file: string): RecordedFile {
  let text: string
  try {
    if (statSync(file).isDirectory()) throw new UnusableInput('is a directory (give the files, e.g. DIR/*.json)')
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if (err instanceof UnusableInput) throw err
    throw new UnusableInput(`cannot read it: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`)
  }
  if (text.trim() === '') throw new UnusableInput('is empty')
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    const message = (err as Error).message
    const at = /at position (\d+)/.exec(message)
    const truncated = /end of JSON input|Unterminated/i.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length - 1)
    throw new UnusableInput(`is not JSON${truncated ? ' (truncated?)' : ''}: ${message}`)
  }
  if (Array.isArray(value)) return fromInteractions(file, value)
  if (isObject(value) && isObject(value['log']) && Array.isArray(value['log']['entries'])) return fromHar(file, value['log']['entries'])
  if (isObject(value) && value['format'] === MANIFEST_FORMAT) return { file, kind: 'manifest', exchanges: [] }
  const shape = shapeOf(value)
  if (!shape) {
    const keys = isObject(value) ? Object.keys(value).slice(0, 6).join(', ') : typeof value
    throw new UnusableInput(
      `is neither a recording (a cassette or nock definitions: an array of {method, path, status, response}; a HAR file: {log: {entries}}) ` +
        `nor a bare body of this API (a page has meta and messages, an error code, status and more_info, a message an "IM…" sid); it has ${keys || 'nothing'}`,
    )
  }
  return { file, kind: 'body', exchanges: [{ label: 'body', response: { text, json: value }, shape }] }
}

function fromInteractions(file: string, items: unknown[]): RecordedFile {
  const why = notInteractions(items)
  if (why) throw new UnusableInput(`is a JSON array but not a recording: ${why}`)
  if (items.length === 0) throw new UnusableInput('is an empty recording (no interactions)')
  const ours = items.some((i) => isObject(i) && isObject(i['conformance']))
  const exchanges = items.map((item, n): RecordedExchange => {
    const i = item as Record<string, unknown>
    const { text, json } = nockResponse(i)
    const headers = headersOf(i as { headers: Record<string, string>; rawHeaders?: Record<string, string> | string[] })
    return {
      label: `#${n + 1}`,
      request: { method: String(i['method']).toUpperCase(), path: String(i['path']), ...(i['body'] !== undefined ? { body: i['body'] as FormFields | string } : {}) },
      response: { status: typeof i['status'] === 'number' ? i['status'] : 200, ...(headers && Object.keys(headers).length > 0 ? { headers } : {}), text, json },
    }
  })
  return { file, kind: ours ? 'cassette' : 'nock', exchanges }
}

/** nock's `response`: parsed JSON, text, hex (responseIsBinary), or an array of hex chunks of a gzipped body. */
function nockResponse(i: Record<string, unknown>): { text: string; json: unknown } {
  const r = i['response']
  let text: string
  if (r === undefined || r === null || r === '') text = ''
  else if (typeof r === 'string') text = i['responseIsBinary'] ? Buffer.from(r, 'hex').toString('utf8') : r
  else if (Array.isArray(r) && r.every((c) => typeof c === 'string' && /^[0-9a-f]*$/i.test(c))) {
    const raw = Buffer.concat(r.map((c) => Buffer.from(c as string, 'hex')))
    try {
      text = gunzipSync(raw).toString('utf8')
    } catch {
      text = raw.toString('utf8')
    }
  } else text = JSON.stringify(r)
  return { text, json: parseJsonOrUndefined(text) }
}

function fromHar(file: string, entries: unknown[]): RecordedFile {
  const exchanges = entries.map((entry, n): RecordedExchange => {
    const label = `#${n + 1}`
    const e = isObject(entry) ? entry : {}
    const req = isObject(e['request']) ? e['request'] : {}
    const res = isObject(e['response']) ? e['response'] : {}
    const url = typeof req['url'] === 'string' ? req['url'] : ''
    let path = url
    try {
      const u = new URL(url)
      path = u.pathname + u.search
    } catch {
      // a relative or odd URL: used as it is
    }
    const post = isObject(req['postData']) ? req['postData'] : undefined
    const postText = typeof post?.['text'] === 'string' ? post['text'] : undefined
    const isForm = /x-www-form-urlencoded/i.test(String(post?.['mimeType'] ?? ''))
    const content = isObject(res['content']) ? res['content'] : {}
    const rawText = typeof content['text'] === 'string' ? content['text'] : ''
    const text = content['encoding'] === 'base64' ? Buffer.from(rawText, 'base64').toString('utf8') : rawText
    const status = typeof res['status'] === 'number' ? res['status'] : 0
    const headers: Record<string, string> = {}
    if (Array.isArray(res['headers'])) for (const h of res['headers']) if (isObject(h) && typeof h['name'] === 'string') headers[h['name'].toLowerCase()] = String(h['value'] ?? '')
    return {
      label,
      request: { method: String(req['method'] ?? 'GET').toUpperCase(), path, ...(postText !== undefined ? { body: isForm ? decodeForm(postText) : postText } : {}) },
      response: { status, headers, text, json: parseJsonOrUndefined(text) },
      ...(status === 0 ? { unjudgeable: 'the HAR entry has no response (status 0: blocked, failed or cancelled)' } : {}),
      ...(status !== 0 && text === '' && typeof content['size'] === 'number' && content['size'] > 0
        ? { unjudgeable: 'the HAR entry has no response text (the browser did not keep it: export with content)' }
        : {}),
    }
  })
  return { file, kind: 'har', exchanges }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
