import type { Dispatcher } from 'undici'
import { TransportError } from '../client/errors.ts'
import { type Exchange, isJsonResponse } from '../client/exchange.ts'
import { HttpClient } from '../client/http.ts'
import type { Target } from '../client/target.ts'
import { UsageError } from './usage-error.ts'

export interface PreflightResult {
  defaultServiceSid?: string
  warnings: string[]
}

/**
 * One request before any check runs, so that an unreachable target, a web page instead of the API, or rejected
 * credentials end the run with one clear line (exit 2) instead of a page of setup failures.
 */
export async function preflight(target: Target, dispatcher: Dispatcher, onExchange?: (ex: Exchange) => void): Promise<PreflightResult> {
  const http = new HttpClient(target, { dispatcher, maxRetries429: 2, ...(onExchange ? { onExchange } : {}) })
  const config = await probe(http, '/v1/Configuration')
  if (config.response.status === 200) {
    const sid = (config.json as { default_chat_service_sid?: unknown }).default_chat_service_sid
    if (typeof sid === 'string') return { defaultServiceSid: sid, warnings: [] }
    return { warnings: ['GET /v1/Configuration has no default_chat_service_sid: service-scoped checks will report setup failures'] }
  }
  // No Configuration resource (a partial clone): make sure the credentials work on the messages API itself.
  const list = await probe(http, '/v1/Conversations?PageSize=1')
  if (list.response.status >= 400) {
    throw new UsageError(`${http.origin} answered GET /v1/Configuration with ${config.response.status} and GET /v1/Conversations with ${list.response.status}; is --target the API base URL?`)
  }
  return { warnings: [`GET /v1/Configuration answered ${config.response.status}: service-scoped checks will report setup failures`] }
}

async function probe(http: HttpClient, path: string): Promise<Exchange> {
  let ex: Exchange
  try {
    ex = await http.send({ method: 'GET', path })
  } catch (err) {
    if (err instanceof TransportError) throw new UsageError(`cannot run: ${err.message}`)
    throw err
  }
  const status = ex.response.status
  if (status === 401 || status === 403) {
    throw new UsageError(`${http.origin} rejected the credentials (GET ${path} answered ${status}); check --account-sid and --auth-token (or TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)`)
  }
  if (!isJsonResponse(ex) || ex.json === undefined) {
    const type = ex.response.headers['content-type'] ?? 'no Content-Type'
    throw new UsageError(`${http.origin} answered GET ${path} with ${status} and ${type}, not Twilio's JSON API; is --target the API base URL (without /v1)?`)
  }
  if (status >= 500) throw new UsageError(`${http.origin} answered GET ${path} with ${status}; the target is not healthy enough to test`)
  return ex
}
