// Path matching and method dispatch. Routes are declared as data (`/v1/Conversations/:conversation`)
// so the full API surface can be read in one place per topic, and 404 versus 405 falls out of the
// table: a path that matches no pattern is 404, a matching path without that method is 405.
import { methodNotAllowed, notFound } from './errors.ts'
import type { Params } from './form.ts'
import type { Conditions } from './conditions.ts'
import type { Faults } from './faults.ts'
import type { RenderContext } from './representation.ts'
import type { Store } from './store.ts'
import type { Variants } from './variants.ts'

export type Method = 'GET' | 'POST' | 'DELETE'

/** Everything a handler may touch besides the request. */
export interface App {
  store: Store
  render: RenderContext
  faults: Faults
  variants: Variants
  conditions: Conditions
}

export interface Request {
  method: string
  /** The path exactly as sent (still percent-encoded), without the query. Used in 404 messages. */
  path: string
  /** Path parameters, percent-decoded. */
  params: Readonly<Record<string, string>>
  header(name: string): string | undefined
  /** A header by its exact spelling (header names are case-insensitive: only a fault reads this). */
  rawHeader(name: string): string | undefined
  /** Parsed lazily so that a malformed query only matters to routes that read one. Throws a 400. */
  query(): Params
  /** The form body; empty unless the request is form-encoded. Throws a 400 when malformed. */
  form(): Params
  /** The body's bytes as sent (a media upload, a Content template's JSON). */
  raw(): Buffer
}

export interface Reply {
  status: number
  /** Serialised as JSON; `undefined` means no body and no Content-Type (a 204). */
  body?: unknown
}

export type Handler = (req: Request, app: App) => Reply

export interface RouteDef {
  pattern: string
  handlers: Partial<Record<Method, Handler>>
}

interface CompiledRoute {
  segments: string[]
  handlers: Partial<Record<Method, Handler>>
}

export interface RouteMatch {
  handler: Handler
  params: Record<string, string>
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw // undecodable, so it names no resource; the handler's lookup answers 404
  }
}

export class Router {
  private readonly routes: CompiledRoute[]

  constructor(defs: readonly RouteDef[]) {
    this.routes = defs.map((d) => ({ segments: d.pattern.split('/'), handlers: d.handlers }))
  }

  /** Returns the handler for `method path`, or throws the 404/405 ApiError. */
  resolve(method: string, path: string): RouteMatch {
    const parts = path.split('/')
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts)
      if (params === null) continue
      const handler = Object.hasOwn(route.handlers, method) ? route.handlers[method as Method] : undefined
      if (handler === undefined) throw methodNotAllowed(Object.keys(route.handlers))
      return { handler, params }
    }
    throw notFound(path)
  }
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!
    const got = parts[i]!
    if (want.startsWith(':')) {
      if (got === '') return null // `/v1/Conversations//Messages` names nothing
      params[want.slice(1)] = decodeSegment(got)
    } else if (want !== got) return null
  }
  return params
}
