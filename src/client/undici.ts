/**
 * The parts of undici a run uses, loaded on their own. undici's index loads all of it (fetch, WebSocket, caches,
 * HTTP/2, the mocks): about 80 ms in each thread that imports it, against 25 ms for the Agent and `request` alone,
 * and every run starts three such threads. The version is pinned (package.json), and test/undici.test.ts holds these
 * to the public API's behaviour. The mocks (replay) load the whole package when they are needed.
 */
import { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import type { Dispatcher } from 'undici'
import type * as UndiciApi from 'undici'

const require = createRequire(import.meta.url)

/** undici's keep-alive Agent (one pool per origin). */
export const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciApi.Agent
export type Agent = UndiciApi.Agent

const dispatcherRequest = require('undici/lib/api/api-request.js') as (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher }

/** The status, headers and whole body of an answer. */
export interface Answer {
  statusCode: number
  headers: Dispatcher.ResponseData['headers']
  text: string
}

/**
 * undici's `request(url, options)`: the URL is parsed the same way (WHATWG `URL`, so a path is sent as undici's own
 * `request` would send it), then the request goes to `options.dispatcher`.
 */
export function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`not an http(s) URL: ${url}`)
  const { dispatcher, ...rest } = options
  // protocol//host is the origin of an http(s) URL; the `origin` getter builds it at several times the cost.
  return dispatcherRequest.call(dispatcher, { ...rest, origin: `${parsed.protocol}//${parsed.host}`, path: `${parsed.pathname}${parsed.search}` })
}

/**
 * `request` and the whole body as text, all within `timeoutMs` (undici's own timeouts bound each wait, not their
 * sum: a body that trickles in would never end). It rejects with a TimeoutError, as `AbortSignal.timeout` would; a
 * timer and an emitter cost a fraction of that signal, which every request of a run made.
 */
export async function requestText(url: string, options: Omit<RequestOptions, 'signal'> & { timeoutMs: number }): Promise<Answer> {
  const { timeoutMs, ...rest } = options
  const deadline = new Deadline(timeoutMs)
  try {
    const res = await request(url, { ...rest, signal: deadline })
    return { statusCode: res.statusCode, headers: res.headers, text: await res.body.text() }
  } finally {
    deadline.clear()
  }
}

/** An abort signal in the shape undici also takes (an emitter with `aborted` and `reason`), fired by one timer. */
class Deadline extends EventEmitter {
  aborted = false
  reason: unknown
  private readonly timer: NodeJS.Timeout

  constructor(ms: number) {
    super()
    this.timer = setTimeout(() => {
      this.aborted = true
      this.reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
      this.emit('abort', this.reason)
    }, ms)
    this.timer.unref()
  }

  clear(): void {
    clearTimeout(this.timer)
  }
}
