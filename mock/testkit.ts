// A minimal HTTP client for poking a reference server: its self-tests, benchmarks, a REPL.
// It deliberately does not reuse the conformance engine's client (src/), so the mock can be
// tested on its own and a bug in one cannot hide a bug in the other.
import { request } from 'undici'
import type { ReferenceServer } from './server.ts'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** The parsed body when it is JSON, else undefined. Typed loosely: tests assert on its shape. */
  json: any
}

export type Form = Record<string, string> | string

export interface SendOptions {
  headers?: Record<string, string>
  /** false sends no Authorization header; a string replaces it. */
  auth?: boolean | string
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
}

export function encodeForm(form: Form): string {
  return typeof form === 'string' ? form : new URLSearchParams(form).toString()
}

export class TestClient {
  constructor(readonly server: Pick<ReferenceServer, 'url' | 'accountSid' | 'authToken'>) {}

  /** `path` is either absolute on the server (`/v1/...`) or a full URL (followed as-is). */
  async send(method: string, path: string, body?: string | Buffer, opts: SendOptions = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.auth !== false) headers['authorization'] = typeof opts.auth === 'string' ? opts.auth : basicAuth(this.server.accountSid, this.server.authToken)
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const url = /^https?:/.test(path) ? path : this.server.url + path
    const res = await request(url, { method: method as 'GET', headers, ...(body !== undefined ? { body } : {}) })
    const text = await res.body.text()
    let json: unknown
    if (text !== '' && String(res.headers['content-type'] ?? '').startsWith('application/json')) json = JSON.parse(text)
    return { status: res.statusCode, headers: res.headers, text, json }
  }

  get(path: string, opts?: SendOptions): Promise<RawResponse> {
    return this.send('GET', path, undefined, opts)
  }

  post(path: string, form: Form = {}, opts?: SendOptions): Promise<RawResponse> {
    return this.send('POST', path, encodeForm(form), opts)
  }

  delete(path: string, opts?: SendOptions): Promise<RawResponse> {
    return this.send('DELETE', path, undefined, opts)
  }

  /** Creates a conversation (in the default service, or in `serviceSid`) and returns its SID; throws unless 201. */
  async conversation(serviceSid?: string, form: Form = {}): Promise<string> {
    const res = await this.post(serviceSid === undefined ? '/v1/Conversations' : `/v1/Services/${serviceSid}/Conversations`, form)
    if (res.status !== 201) throw new Error(`conversation create failed: ${res.status} ${res.text}`)
    return res.json.sid as string
  }

  async service(friendlyName = 'test service'): Promise<string> {
    const res = await this.post('/v1/Services', { FriendlyName: friendlyName })
    if (res.status !== 201) throw new Error(`service create failed: ${res.status} ${res.text}`)
    return res.json.sid as string
  }

  /** Follows next_page_url from `firstPath` and returns every page body. */
  async allPages(firstPath: string, maxPages = 10_000): Promise<RawResponse[]> {
    const pages: RawResponse[] = []
    let next: string | null = firstPath
    while (next !== null && pages.length < maxPages) {
      const page = await this.get(next)
      if (page.status !== 200) throw new Error(`page fetch failed: ${page.status} ${page.text}`)
      pages.push(page)
      next = page.json.meta.next_page_url
    }
    return pages
  }
}
