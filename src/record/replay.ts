/**
 * Replay: answers the client's requests from a cassette through undici's MockAgent, the same `request()` path the
 * live run takes with another dispatcher. Network connections are disabled: a request with no recording fails with
 * "no recording for POST /v1/…" at once instead of hanging or reaching the network.
 *
 * Matching: method, path, query (as a set of parameters, in any order), the body (form fields compared by value, so
 * the encoding does not matter) and, when both sides say, the kind of credentials. Of the interactions that match,
 * the first one not yet used answers, so identical requests made several times (the same list twice) get their
 * answers in recorded order, and concurrent requests with different bodies each find their own.
 */
import { createRequire } from 'node:module'
import type { MockAgent } from 'undici'
import { type CassetteInteraction, decodeForm, type FormFields, headersOf, responseText } from './cassette.ts'

export interface ReplayRequest {
  method: string
  /** Path and query on the origin. */
  path: string
  body?: string
  /** The request's Content-Type: a form body is compared field by field. */
  contentType?: string
  credentials?: 'target' | 'none' | 'other'
}

/** The request has no recording. `code` lets the client name it as such (src/client/errors.ts). */
export class NoRecordingError extends Error {
  override name = 'NoRecordingError'
  readonly code = 'CONFORMANCE_NO_RECORDING'
}

export class ReplayMatcher {
  private readonly used: boolean[]

  constructor(
    readonly interactions: readonly CassetteInteraction[],
    /** Names the cassette in error messages. */
    readonly source: string,
  ) {
    this.used = interactions.map(() => false)
  }

  /** The recorded answer to this request, marked used; undefined when none is left. */
  take(req: ReplayRequest): CassetteInteraction | undefined {
    for (const [n, i] of this.interactions.entries()) {
      if (this.used[n] || !sameRequest(i, req)) continue
      this.used[n] = true
      return i
    }
    return undefined
  }

  /** How many recorded interactions were never asked for. */
  get unused(): number {
    return this.used.filter((u) => !u).length
  }

  describeMiss(req: ReplayRequest): string {
    const body = req.body ? ` with body ${cut(req.body, 120)}` : ''
    const samePath = this.interactions.filter((i) => i.method.toUpperCase() === req.method.toUpperCase() && splitPath(i.path).pathname === splitPath(req.path).pathname)
    const hint =
      samePath.length > 0
        ? `; ${samePath.length} recorded ${req.method} of that path ${samePath.length === 1 ? 'differs' : 'differ'} in query, body or credentials, or ${samePath.length === 1 ? 'was' : 'were'} used already`
        : ''
    return `no recording for ${req.method} ${req.path}${body} in ${this.source}${hint} (the requests differ from the recorded run: re-record it)`
  }
}

function sameRequest(i: CassetteInteraction, req: ReplayRequest): boolean {
  if (i.method.toUpperCase() !== req.method.toUpperCase()) return false
  const a = splitPath(i.path)
  const b = splitPath(req.path)
  if (a.pathname !== b.pathname || a.query !== b.query) return false
  const recorded = i.conformance?.credentials
  if (recorded && req.credentials && recorded !== req.credentials) return false
  return sameBody(i.body, req)
}

function sameBody(recorded: CassetteInteraction['body'], req: ReplayRequest): boolean {
  const sent = req.body ?? ''
  if (recorded === undefined) return sent === ''
  if (typeof recorded === 'string') return recorded === sent
  return sameFields(recorded, decodeForm(sent))
}

function sameFields(a: FormFields, b: FormFields): boolean {
  const ka = Object.keys(a).sort()
  const kb = Object.keys(b).sort()
  if (ka.length !== kb.length || ka.some((k, n) => k !== kb[n])) return false
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))
}

/** The path without its query, and the query as a canonical (sorted) string. */
function splitPath(path: string): { pathname: string; query: string } {
  const q = path.indexOf('?')
  if (q === -1) return { pathname: path, query: '' }
  const params = [...new URLSearchParams(path.slice(q + 1))].sort(([k1, v1], [k2, v2]) => (k1 === k2 ? (v1 < v2 ? -1 : v1 > v2 ? 1 : 0) : k1 < k2 ? -1 : 1))
  return { pathname: path.slice(0, q), query: new URLSearchParams(params).toString() }
}

function cut(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n)}…`
}

export interface ReplayAgent {
  dispatcher: MockAgent
  matcher: ReplayMatcher
  close(): Promise<void>
}

/**
 * A MockAgent that answers every request to `origin` from the cassette and refuses every other connection.
 * `credentialsOf` tells which kind of credentials an Authorization header is (the replay's own target's, none,
 * other), so refused-credentials requests are told from the same request made with the right ones.
 */
export function replayAgent(
  interactions: readonly CassetteInteraction[],
  source: string,
  origin: string,
  credentialsOf: (authorization: string | undefined) => 'target' | 'none' | 'other',
): ReplayAgent {
  const matcher = new ReplayMatcher(interactions, source)
  // Loaded on first use: undici's whole package (src/client/undici.ts), which only a replay needs.
  const { MockAgent: MockAgentClass } = createRequire(import.meta.url)('undici') as typeof import('undici')
  const agent = new MockAgentClass()
  agent.disableNetConnect()
  agent
    .get(origin)
    .intercept({ path: () => true, method: () => true })
    .reply((opts) => {
      const headers = headerMap(opts.headers)
      const req: ReplayRequest = {
        method: opts.method,
        path: opts.path,
        ...(typeof opts.body === 'string' ? { body: opts.body } : {}),
        ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
        credentials: credentialsOf(headers['authorization']),
      }
      const hit = matcher.take(req)
      if (!hit) throw new NoRecordingError(matcher.describeMiss(req))
      return { statusCode: hit.status, data: responseText(hit.response), responseOptions: { headers: headersOf(hit) ?? {} } }
    })
    .persist()
  return { dispatcher: agent, matcher, close: () => agent.close() }
}

function headerMap(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (Array.isArray(headers)) {
    for (let n = 0; n + 1 < headers.length; n += 2) out[String(headers[n]).toLowerCase()] = String(headers[n + 1])
  } else if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) if (v !== undefined) out[k.toLowerCase()] = String(v)
  }
  return out
}
