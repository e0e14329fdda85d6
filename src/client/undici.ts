/**
 * The parts of undici a run uses, loaded on their own. undici's index loads all of it (fetch, WebSocket, caches,
 * HTTP/2, the mocks): about 80 ms in each thread that imports it, against 25 ms for the Agent and `request` alone,
 * and every run starts three such threads. The version is pinned (package.json), and test/undici.test.ts holds these
 * to the public API's behaviour. The mocks (replay) load the whole package when they are needed.
 */
import { createRequire } from 'node:module'
import type { Dispatcher } from 'undici'
import type * as UndiciApi from 'undici'

const require = createRequire(import.meta.url)

/** undici's keep-alive Agent (one pool per origin). */
export const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciApi.Agent
export type Agent = UndiciApi.Agent

const dispatcherRequest = require('undici/lib/api/api-request.js') as (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher }

/**
 * undici's `request(url, options)`: the URL is parsed the same way (WHATWG `URL`, so a path is sent as undici's own
 * `request` would send it), then the request goes to `options.dispatcher`.
 */
export function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`not an http(s) URL: ${url}`)
  const { dispatcher, ...rest } = options
  return dispatcherRequest.call(dispatcher, { ...rest, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` })
}
