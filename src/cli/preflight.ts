import type { Dispatcher } from 'undici'
import { ConversationsApi, createdSid } from '../client/api.ts'
import { TransportError } from '../client/errors.ts'
import type { Exchange } from '../client/exchange.ts'
import { HttpClient } from '../client/http.ts'
import type { Target } from '../client/target.ts'
import { MARKER } from '../run/marker.ts'
import { UsageError } from './usage-error.ts'

export interface PreflightResult {
  defaultServiceSid?: string
  warnings: string[]
}

/** A 429 during the preflight is waited for at most this long before the run gives up (exit 2). */
const PREFLIGHT_BUDGET_MS = 60_000

export function preflightClient(target: Target, dispatcher: Dispatcher, onExchange?: (ex: Exchange) => void): HttpClient {
  return new HttpClient(target, { dispatcher, deadline: Date.now() + PREFLIGHT_BUDGET_MS, unsafeTransient: 'judge', ...(onExchange ? { onExchange } : {}) })
}

/**
 * One request before any check runs, so that an unreachable target, a web page instead of the API, or rejected
 * credentials end the run with one clear line (exit 2) instead of a page of setup failures. It also finds the
 * default Conversation Service (GET /v1/Configuration), unless --service-sid names it.
 */
export async function preflight(http: HttpClient, serviceSid?: string): Promise<PreflightResult> {
  if (serviceSid !== undefined) {
    // The service is named: only make sure the credentials work on the conversations API itself.
    const list = await probe(http, '/v1/Conversations?PageSize=1', 'conversations')
    if (list.response.status >= 400) throw unusable(http.origin, [['GET /v1/Conversations', list]])
    return { defaultServiceSid: serviceSid, warnings: [] }
  }
  const config = await probe(http, '/v1/Configuration', 'configuration')
  if (config.response.status === 200) {
    const sid = (config.json as { default_chat_service_sid?: unknown }).default_chat_service_sid
    if (typeof sid === 'string') return { defaultServiceSid: sid, warnings: [] }
    return { warnings: ['GET /v1/Configuration has no default_chat_service_sid: service-scoped checks will report setup failures (pass --service-sid IS…)'] }
  }
  // No Configuration resource (a partial clone): make sure the credentials work on the messages API itself.
  const list = await probe(http, '/v1/Conversations?PageSize=1', 'conversations')
  if (list.response.status >= 400) throw unusable(http.origin, [['GET /v1/Configuration', config], ['GET /v1/Conversations', list]])
  return { warnings: [`GET /v1/Configuration answered ${config.response.status}: service-scoped checks will report setup failures (pass --service-sid IS…)`] }
}

/**
 * Why the preflight cannot go on. A Twilio error body for a 404 says the target is this kind of API and the base URL
 * is plausibly right: the endpoint is missing, and the line names it (docs/mock-ci.md lists what a target must
 * serve). Any other refusal may be a wrong base URL, and the line asks.
 */
function unusable(origin: string, answers: ReadonlyArray<readonly [string, Exchange]>): UsageError {
  const said = answers.map(([endpoint, ex]) => `${endpoint} with ${ex.response.status}`).join(' and ')
  const last = answers[answers.length - 1]!
  if (last[1].response.status === 404 && isTwilioError(last[1].json)) {
    return new UsageError(`${origin} answered ${said}: the target does not serve ${last[0]}, which the suite needs before any check (see the endpoints a target must serve in docs/mock-ci.md)`)
  }
  return new UsageError(`${origin} answered ${said}; is --target the API base URL?`)
}

/** A Twilio error body (`code`, `status`), as every Twilio API answers a refusal with. */
function isTwilioError(json: unknown): boolean {
  return typeof json === 'object' && json !== null && typeof (json as { status?: unknown }).status === 'number' && 'code' in json
}

async function probe(http: HttpClient, path: string, what: 'configuration' | 'conversations'): Promise<Exchange> {
  let ex: Exchange
  try {
    ex = await http.send({ method: 'GET', path })
  } catch (err) {
    if (err instanceof TransportError) throw new UsageError(`cannot run: ${err.message}`)
    if (err instanceof Error && err.name === 'CouldNotJudge') throw new UsageError(`cannot run: ${err.message}; try again later`)
    throw err
  }
  const status = ex.response.status
  if (status === 403 && what === 'configuration') {
    throw new UsageError(
      `${http.origin} refused GET /v1/Configuration with 403: these credentials may not read the account's configuration (a restricted API key?); ` +
        'pass --service-sid IS… (or TWILIO_CONVERSATIONS_SERVICE_SID) with the default Conversation Service and the run needs no configuration',
    )
  }
  if (status === 401 || status === 403) {
    throw new UsageError(
      `${http.origin} rejected the credentials (GET ${path} answered ${status}); check --account-sid and --auth-token, or --api-key and --api-secret (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET)`,
    )
  }
  // JSON under another content type is still this API: the checks judge the label (msg.representation.json-content-type).
  // Only an answer that is not JSON at all (a web page, a proxy's error) is not this API.
  if (typeof ex.json !== 'object' || ex.json === null) {
    const type = ex.response.headers['content-type'] ?? 'no Content-Type'
    throw new UsageError(`${http.origin} answered GET ${path} with ${status} and ${type}, not Twilio's JSON API; is --target the API base URL (without /v1)?`)
  }
  if (status >= 500) throw new UsageError(`${http.origin} answered GET ${path} with ${status}; the target is not healthy enough to test`)
  return ex
}

/** The name of the chat service the suite keeps between runs for the checks that need a second service. */
export const SHARED_SERVICE_NAME = `${MARKER} shared second service`

/**
 * The marked second service, found among the account's services or created once: a run that needs a second
 * service (msg.scopes.other-service) uses it instead of creating and deleting a whole service every run. It is kept
 * on purpose, emptied by the check that uses it; `conformance sweep --include-shared` removes it. Undefined when
 * the services cannot be listed or created (the check then makes and deletes its own).
 */
export async function sharedSecondService(api: ConversationsApi): Promise<{ sid: string; created: boolean } | undefined> {
  try {
    let ex = await api.listServices({ PageSize: 100 })
    for (let page = 0; page < 20 && ex.response.status === 200; page++) {
      const body = ex.json as { services?: Array<{ sid?: unknown; friendly_name?: unknown }>; meta?: { next_page_url?: unknown } } | undefined
      const found = body?.services?.find((s) => s.friendly_name === SHARED_SERVICE_NAME && typeof s.sid === 'string')
      if (found) return { sid: found.sid as string, created: false }
      const next = body?.meta?.next_page_url
      if (typeof next !== 'string') break
      ex = await api.http.send({ method: 'GET', path: api.http.toTargetPath(next) })
    }
    const made = await api.createService(SHARED_SERVICE_NAME)
    const sid = createdSid(made)
    return sid === undefined ? undefined : { sid, created: true }
  } catch {
    return undefined
  }
}
