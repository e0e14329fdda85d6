// The reference server: a faithful in-memory implementation of the Conversations Message API,
// used as the conformance suite's default target. Built on node:http alone so that what goes over
// the wire is exactly what this code writes (no framework adding headers or rewriting paths).
import { randomInt, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { isAuthorized, parseBasicAuth } from './auth.ts'
import { resolveConditions } from './conditions.ts'
import { echoAnswer } from './echo.ts'
import { ApiError, forbidden, internalError, payloadTooLarge, tooManyRequests, unauthorized } from './errors.ts'
import { resolveFaults } from './faults.ts'
import { isFormContentType, parseQueryString, parseUrlEncoded, type Params } from './form.ts'
import { BODY_LIMIT_BYTES, readBody, writeRawError, writeReply } from './http-io.ts'
import { messageRouteDefs } from './routes-messages.ts'
import { mediaRouteDefs } from './routes-media.ts'
import { receiptRouteDefs } from './routes-receipts.ts'
import { setupRoutes } from './routes-setup.ts'
import { userRouteDefs } from './routes-users.ts'
import { Router, type App, type Request } from './router.ts'
import { newSid, randomHex, type SidOptions, type SidPrefix } from './sids.ts'
import { Store } from './store.ts'
import { seededStream } from './random.ts'
import { createTraffic } from './traffic.ts'
import { resolveVariants } from './variants.ts'

export interface ReferenceServerOptions {
  /** Default: 'AC' + 32 random lower-case hex. */
  accountSid?: string
  /** Default: 32 random lower-case hex. */
  authToken?: string
  /** Default '127.0.0.1'. */
  host?: string
  /** Default 0 (a free port). */
  port?: number
  /** Names from mock/faults.ts; an unknown name throws an Error listing the valid ones. */
  faults?: readonly string[]
  /** Names from mock/variants.ts; an unknown name throws an Error listing the valid ones. */
  variants?: readonly string[]
  /**
   * Names from mock/conditions.ts, some with a value (`latency=50`); an unknown name throws an Error
   * listing the valid ones, a bad value one stating the rule.
   */
  conditions?: readonly string[]
  /** The API key SID. Default: 'SK' + 32 random lower-case hex. Accepted only under `api-keys` or `restricted-key`. */
  apiKey?: string
  /** The API key's secret. Default: 32 random lower-case hex. */
  apiSecret?: string
  /** Seeds the conditions' randomness (which requests get a 503, latency jitter). Default: random. */
  seed?: number
  /**
   * Reproducible: SIDs and request IDs come from the seed instead of node:crypto, and the clock starts at
   * 2020-01-01T00:00:00Z and moves one second per request. The same requests in the same order then get the same
   * answers, byte for byte (for recordings and fixtures that must not change when re-made). Not for anything that
   * needs unguessable SIDs.
   */
  reproducible?: boolean
  /**
   * Default true: the server also answers the routes that make media (Twilio's Media Content Service) and Content
   * templates (the Content API) on its own origin. False: they answer 404, as on a target that has neither, so a run
   * can show what it does without them (those checks end "not judged").
   */
  mediaApi?: boolean
}

export interface ReferenceServer {
  /** e.g. `http://127.0.0.1:4010`: no trailing slash and no `/v1`. */
  url: string
  accountSid: string
  authToken: string
  /** Always present; accepted as credentials only under the `api-keys` or `restricted-key` condition. */
  apiKey: string
  apiSecret: string
  /** The SID of the account's default Conversation Service, which the short /v1/Conversations routes use. */
  defaultServiceSid: string
  /** The seed in use (the one given, or the random one chosen), to reproduce a run. */
  seed: number
  /** How many requests the server has answered so far (a test can show that a client made none). */
  requestCount(): number
  close(): Promise<void>
}

/** Who a request authenticated as: the account (SID and auth token) or its API key. */
type Principal = 'account' | 'api-key'

/** The origin the `url-origin-twilio` variant writes into resource URLs. */
const TWILIO_ORIGIN = 'https://conversations.twilio.com'
/** Large enough that a huge query string reaches our handler and gets a Twilio error, not Node's bare 431. */
const MAX_HEADER_BYTES = 1024 * 1024

const EMPTY: Params = new Map()

function splitTarget(target: string): { path: string; query: string } {
  // Origin-form (`/v1/...?a=b`) is what clients send; absolute-form (`http://h/v1/...`) is legal too.
  let rest = target
  if (!target.startsWith('/')) {
    try {
      const u = new URL(target)
      rest = u.pathname + u.search
    } catch {
      rest = target // `*` or garbage: it will match no route and answer 404
    }
  }
  const q = rest.indexOf('?')
  return q === -1 ? { path: rest, query: '' } : { path: rest.slice(0, q), query: rest.slice(q + 1) }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v.join(', ') : v
}

/** A header looked up by its exact spelling, as a case-sensitive header map would (only for a fault). */
function rawHeaderValue(req: IncomingMessage, name: string): string | undefined {
  const values: string[] = []
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) if (req.rawHeaders[i] === name) values.push(req.rawHeaders[i + 1]!)
  return values.length === 0 ? undefined : values.join(', ')
}

export async function startReferenceServer(opts: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const faults = resolveFaults(opts.faults)
  const variants = resolveVariants(opts.variants)
  const conditions = resolveConditions(opts.conditions)
  const accountSid = opts.accountSid ?? newSid('AC')
  const authToken = opts.authToken ?? randomHex(16)
  const apiKey = opts.apiKey ?? newSid('SK')
  const apiSecret = opts.apiSecret ?? randomHex(16)
  // Basic auth splits user:password at the first colon, so a colon in the user name could never match.
  if (accountSid === '' || accountSid.includes(':')) throw new Error('accountSid must be non-empty and contain no ":"')
  if (authToken === '') throw new Error('authToken must be non-empty')
  if (apiKey === '' || apiKey.includes(':')) throw new Error('apiKey must be non-empty and contain no ":"')
  if (apiSecret === '') throw new Error('apiSecret must be non-empty')
  if (opts.seed !== undefined && !Number.isSafeInteger(opts.seed)) throw new Error('seed must be an integer')
  const seed = opts.seed ?? randomInt(2 ** 32)

  const ids = opts.reproducible ? seededIds(seed) : { sid: newSid, uuid: randomUUID }
  let answered = 0
  const store = new Store(
    (prefix) => (prefix === 'IM' && faults.on('sid-uuid') ? `IM${ids.uuid()}` : ids.sid(prefix, { upperCaseHex: variants.on('sid-uppercase-hex') })),
    { listLagMs: conditions.on('list-lag') ? conditions.amount('list-lag') : 0, ...(opts.reproducible ? { clock: () => REPRODUCIBLE_EPOCH + answered } : {}) },
  )
  // Without the media API (opts.mediaApi false), the Media and Content routes answer 404, as a target without them does.
  const router = new Router([...setupRoutes, ...userRouteDefs, ...messageRouteDefs, ...receiptRouteDefs, ...(opts.mediaApi === false ? [] : mediaRouteDefs)])
  const traffic = createTraffic(conditions, seed)
  let app: App | undefined // set once we know our port, which every rendered URL contains

  let requestCount = 0

  function principalOf(header: string | undefined): Principal | undefined {
    // An API key authenticates like the account: its SID stands where the Account SID does.
    if (conditions.on('api-keys') && isAuthorized(header, { accountSid: apiKey, authToken: apiSecret })) return 'api-key'
    if (faults.on('auth-ignored')) return 'account'
    if (faults.on('auth-token-unchecked')) return parseBasicAuth(header)?.accountSid === accountSid ? 'account' : undefined
    if (faults.on('auth-password-only')) {
      // Only the password is compared, as a server keyed by a shared secret does; the user name is not looked at.
      const password = parseBasicAuth(header)?.authToken
      if (password === authToken) return 'account'
      if (conditions.on('api-keys') && password === apiSecret) return 'api-key'
      return undefined
    }
    return isAuthorized(header, { accountSid, authToken }) ? 'account' : undefined
  }

  function dispatch(req: IncomingMessage, body: { data: Buffer; tooLarge: boolean }, ready: App) {
    const { path, query } = splitTarget(req.url ?? '/')
    const principal = principalOf(headerValue(req, 'authorization'))
    const refused = principal === undefined
    if (refused && !faults.on('auth-after-write')) throw unauthorized()
    if (body.tooLarge) throw payloadTooLarge(BODY_LIMIT_BYTES)
    const method = req.method ?? 'GET'
    // restricted-key: a key without the permission to read account settings, as a least-privilege key is made.
    if (principal === 'api-key' && conditions.on('restricted-key') && method === 'GET' && path === '/v1/Configuration') {
      throw forbidden('Forbidden: this API key is not allowed to read the account configuration')
    }
    const match = router.resolve(method, path)
    let parsedQuery: Params | undefined
    let parsedForm: Params | undefined
    const request: Request = {
      method,
      path,
      params: match.params,
      header: (name) => headerValue(req, name.toLowerCase()),
      rawHeader: (name) => rawHeaderValue(req, name),
      query: () => (parsedQuery ??= parseQueryString(query)),
      // Like a servlet, only a form-encoded body carries parameters. A missing Content-Type is read
      // as a form too, because `curl -d` users and hand-written clients often leave it out.
      form: () => {
        const type = headerValue(req, 'content-type')
        const isForm = type === undefined || isFormContentType(type, { parameters: !faults.on('form-charset-ignored'), caseSensitive: faults.on('form-type-case-sensitive') })
        return (parsedForm ??= isForm ? parseUrlEncoded(body.data, { plusIsSpace: !faults.on('form-plus-literal') }) : EMPTY)
      },
      raw: () => body.data,
    }
    if (refused) {
      // auth-after-write: the request was carried out as if authorised; only then is it refused.
      try {
        match.handler(request, ready)
      } catch {
        // whatever the handler made of the request, the refusal is what the client sees
      }
      throw unauthorized()
    }
    return match.handler(request, ready)
  }

  /** stateless-echo: what Prism answers (mock/echo.ts); the store and the routes are never reached. */
  function echo(req: IncomingMessage, body: { data: Buffer; tooLarge: boolean }): { status: number; body: unknown; headers: Readonly<Record<string, string>> } {
    const { path, query } = splitTarget(req.url ?? '/')
    const type = headerValue(req, 'content-type')
    return echoAnswer({
      method: req.method ?? 'GET',
      path,
      header: (name) => headerValue(req, name.toLowerCase()),
      query: () => parseQueryString(query),
      form: () => (type !== undefined && isFormContentType(type, { parameters: true, caseSensitive: false }) ? parseUrlEncoded(body.data, { plusIsSpace: true }) : EMPTY),
    })
  }

  /** The error body, as changed by the faults that get its fields wrong. */
  function errorBody(err: ApiError): Record<string, unknown> {
    const body: Record<string, unknown> = { ...err.toBody() }
    if (faults.on('error-status-string')) body['status'] = String(err.status)
    if (faults.on('more-info-api-path')) body['more_info'] = `https://www.twilio.com/docs/api/errors/${err.code}`
    if (variants.on('specific-error-codes') && err.code === 20001) {
      const code = specificCode(err.message)
      body['code'] = code
      body['more_info'] = `https://www.twilio.com/docs/errors/${code}`
    }
    if (variants.on('extra-properties')) body['details'] = { note: 'extra error detail' }
    if (faults.on('more-info-generic')) body['more_info'] = 'https://www.twilio.com/docs/errors/20001'
    if (faults.on('error-status-400')) body['status'] = 400
    if (faults.on('error-message-empty')) body['message'] = ''
    if (faults.on('error-code-is-status')) {
      body['code'] = err.status
      body['more_info'] = `https://www.twilio.com/docs/errors/${err.status}`
    }
    return body
  }

  /** What to answer, worked out in full before anything is written, so that latency can hold it back. */
  function answer(req: IncomingMessage, body: { data: Buffer; tooLarge: boolean }): { status: number; body: unknown; headers: Readonly<Record<string, string>> } {
    try {
      if (app === undefined) throw new ApiError(503, 20503, 'Service Unavailable')
      // transient-503 and the rate-limit bursts: refused before anything is looked at, so never processed.
      const refusal = traffic.admit()
      if (refusal !== undefined) throw refusal
      // rate-limit-429: likewise refused before anything is looked at.
      if (variants.on('rate-limit-429') && ++requestCount % 7 === 3) throw tooManyRequests({ 'Retry-After': '0' })
      if (faults.on('stateless-echo')) return echo(req, body)
      const reply = dispatch(req, body, app)
      // json-as-html: what Express's res.send(JSON.stringify(x)) does to the message routes' bodies.
      const asHtml = faults.on('json-as-html') && /\/Messages(?:\/|$)/.test(splitTarget(req.url ?? '/').path)
      return { status: reply.status, body: reply.body, headers: asHtml ? { 'Content-Type': 'text/html; charset=utf-8' } : {} }
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, body: errorBody(err), headers: err.headers }
      // Should be unreachable; if it is not, answer like Twilio would and keep serving.
      console.error('reference server: unexpected error', err)
      const error = internalError()
      return { status: error.status, body: error.toBody(), headers: error.headers }
    }
  }

  // Latency timers still running, so that close() need not wait for them.
  const sleepers = new Set<() => void>()
  let closed = false
  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      sleepers.add(wake)
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body
    try {
      body = await readBody(req)
    } catch {
      return // the client went away mid-request: there is nobody to answer
    }
    answered++
    const reply = answer(req, body)
    const delay = traffic.delayMs()
    if (delay > 0) await sleep(delay)
    if (closed || res.socket === null || res.socket.destroyed) return // closed or hung up while we waited
    writeReply(res, reply.status, reply.body, reply.headers, ids.sid('RQ'))
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const code = err.code ?? ''
    // Only answer when no response is under way on this socket (Node's own default does the same).
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable || inFlight?.headersSent) return void socket.destroy()
    const error =
      code === 'HPE_HEADER_OVERFLOW'
        ? new ApiError(431, 20431, 'Request header fields too large')
        : code === 'HPE_REQUEST_TIMEOUT' || code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new ApiError(408, 20408, 'Request timeout')
          : new ApiError(400, 20001, 'Malformed HTTP request')
    writeRawError(socket as Socket, error)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })

  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  app = {
    store,
    faults,
    variants,
    conditions,
    render: { origin: variants.on('url-origin-twilio') ? TWILIO_ORIGIN : url, accountSid, faults, variants, media: (sid) => store.getMedia(sid) },
  }

  let closing: Promise<void> | undefined
  return {
    url,
    accountSid,
    authToken,
    apiKey,
    apiSecret,
    defaultServiceSid: store.defaultServiceSid,
    seed,
    requestCount: () => answered,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        closed = true
        for (const wake of [...sleepers]) wake()
        server.close((err) => (err ? reject(err) : resolve()))
        // close() alone waits for keep-alive clients to hang up; we end them now.
        server.closeAllConnections()
      })),
  }
}

/** The `specific-error-codes` variant: the documented specific code for a validation error, by its parameter. */
function specificCode(message: string): number {
  if (/^Body, MediaSid or ContentSid is required/.test(message)) return 50503
  if (/^Body\b/.test(message)) return 50504
  if (/^Attributes\b/.test(message)) return 50304
  if (/PageToken/.test(message)) return 21481
  return 20001
}

/** 2020-01-01T00:00:00Z: where a reproducible server's clock starts. */
const REPRODUCIBLE_EPOCH = 1_577_836_800

/** SIDs and UUIDs from the seed (the `reproducible` option): the n-th SID of a run is always the same. */
function seededIds(seed: number): { sid: (prefix: SidPrefix, opts?: SidOptions) => string; uuid: () => string } {
  const random = seededStream(seed, 'ids')
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('')
  return {
    sid: (prefix, opts = {}) => prefix + (opts.upperCaseHex ? hex(32).toUpperCase() : hex(32)),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  }
}
