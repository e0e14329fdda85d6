// The reference server: a faithful in-memory implementation of the Conversations Message API,
// used as the conformance suite's default target. Built on node:http alone so that what goes over
// the wire is exactly what this code writes (no framework adding headers or rewriting paths).
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { isAuthorized, parseBasicAuth } from './auth.ts'
import { ApiError, internalError, payloadTooLarge, unauthorized } from './errors.ts'
import { resolveFaults } from './faults.ts'
import { isFormContentType, parseQueryString, parseUrlEncoded, type Params } from './form.ts'
import { BODY_LIMIT_BYTES, readBody, writeError, writeRawError, writeReply } from './http-io.ts'
import { messageRouteDefs } from './routes-messages.ts'
import { setupRoutes } from './routes-setup.ts'
import { Router, type App, type Request } from './router.ts'
import { newSid, randomHex } from './sids.ts'
import { Store } from './store.ts'
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
}

export interface ReferenceServer {
  /** e.g. `http://127.0.0.1:4010`: no trailing slash and no `/v1`. */
  url: string
  accountSid: string
  authToken: string
  close(): Promise<void>
}

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

export async function startReferenceServer(opts: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const faults = resolveFaults(opts.faults)
  const variants = resolveVariants(opts.variants)
  const accountSid = opts.accountSid ?? newSid('AC')
  const authToken = opts.authToken ?? randomHex(16)
  // Basic auth splits user:password at the first colon, so a colon in the user name could never match.
  if (accountSid === '' || accountSid.includes(':')) throw new Error('accountSid must be non-empty and contain no ":"')
  if (authToken === '') throw new Error('authToken must be non-empty')

  const store = new Store((prefix) =>
    prefix === 'IM' && faults.on('sid-uuid') ? `IM${randomUUID()}` : newSid(prefix, { upperCaseHex: variants.on('sid-uppercase-hex') }),
  )
  const router = new Router([...setupRoutes, ...messageRouteDefs])
  let app: App | undefined // set once we know our port, which every rendered URL contains

  let requestCount = 0

  function credentialsAccepted(header: string | undefined): boolean {
    if (faults.on('auth-ignored')) return true
    if (faults.on('auth-token-unchecked')) return parseBasicAuth(header)?.accountSid === accountSid
    return isAuthorized(header, { accountSid, authToken })
  }

  function dispatch(req: IncomingMessage, body: { data: Buffer; tooLarge: boolean }, ready: App) {
    const { path, query } = splitTarget(req.url ?? '/')
    const refused = !credentialsAccepted(headerValue(req, 'authorization'))
    if (refused && !faults.on('auth-after-write')) throw unauthorized()
    if (body.tooLarge) throw payloadTooLarge(BODY_LIMIT_BYTES)
    const method = req.method ?? 'GET'
    const match = router.resolve(method, path)
    let parsedQuery: Params | undefined
    let parsedForm: Params | undefined
    const request: Request = {
      method,
      path,
      params: match.params,
      header: (name) => headerValue(req, name.toLowerCase()),
      query: () => (parsedQuery ??= parseQueryString(query)),
      // Like a servlet, only a form-encoded body carries parameters. A missing Content-Type is read
      // as a form too, because `curl -d` users and hand-written clients often leave it out.
      form: () => {
        const type = headerValue(req, 'content-type')
        return (parsedForm ??= type === undefined || isFormContentType(type) ? parseUrlEncoded(body.data) : EMPTY)
      },
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
    return body
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body
    try {
      body = await readBody(req)
    } catch {
      return // the client went away mid-request: there is nobody to answer
    }
    try {
      if (app === undefined) throw new ApiError(503, 20503, 'Service Unavailable')
      // rate-limit-429: refused before anything is looked at, so the request was never processed.
      if (variants.on('rate-limit-429') && ++requestCount % 7 === 3) {
        throw new ApiError(429, 20429, 'Too Many Requests', { 'Retry-After': '0' })
      }
      const reply = dispatch(req, body, app)
      // json-as-html: what Express's res.send(JSON.stringify(x)) does to the message routes' bodies.
      const asHtml = faults.on('json-as-html') && /\/Messages(?:\/|$)/.test(splitTarget(req.url ?? '/').path)
      writeReply(res, reply.status, reply.body, asHtml ? { 'Content-Type': 'text/html; charset=utf-8' } : {})
    } catch (err) {
      if (err instanceof ApiError) return writeReply(res, err.status, errorBody(err), err.headers)
      // Should be unreachable; if it is not, answer like Twilio would and keep serving.
      console.error('reference server: unexpected error', err)
      writeError(res, internalError())
    }
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
    render: { origin: variants.on('url-origin-twilio') ? TWILIO_ORIGIN : url, accountSid, faults, variants },
  }

  let closing: Promise<void> | undefined
  return {
    url,
    accountSid,
    authToken,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
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
