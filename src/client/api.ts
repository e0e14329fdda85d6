import type { ResourceTracker } from '../run/ledger.ts'
import type { Exchange } from './exchange.ts'
import type { Credentials, HttpClient } from './http.ts'

/** The two URL scopes of the doc: the shortened default-service URL and the explicit service URL. */
export type Scope = 'default' | 'service'
export const SCOPES: readonly Scope[] = ['default', 'service']

/** A conversation a check works in, and the scope through which its messages are addressed. */
export interface ConversationRef {
  sid: string
  serviceSid: string
  scope: Scope
}

export type MessageParams = Partial<
  Record<
    'Author' | 'Body' | 'Attributes' | 'DateCreated' | 'DateUpdated' | 'MediaSid' | 'ContentSid' | 'ContentVariables' | 'Subject',
    string
  >
>

export interface ListQuery {
  Order?: string
  PageSize?: string | number
  Page?: string | number
  PageToken?: string
}

/** Path of a conversation in a scope: `/v1/Conversations/CH…` or `/v1/Services/IS…/Conversations/CH…`. */
export function conversationPath(ref: ConversationRef): string {
  const conv = `/Conversations/${encodeURIComponent(ref.sid)}`
  return ref.scope === 'service' ? `/v1/Services/${encodeURIComponent(ref.serviceSid)}${conv}` : `/v1${conv}`
}

/** Whether a delete's answer means the resource is gone: deleted now (2xx), or not there (404). */
export function isGone(ex: Exchange): boolean {
  return (ex.response.status >= 200 && ex.response.status <= 299) || ex.response.status === 404
}

/** Twilio's answer to a create, if it made something: the new resource's SID. */
export function createdSid(ex: Exchange): string | undefined {
  const sid = (ex.json as { sid?: unknown } | undefined)?.sid
  return ex.response.status >= 200 && ex.response.status <= 299 && typeof sid === 'string' ? sid : undefined
}

/**
 * The Conversations v1 API as far as this suite needs it: messages, plus the setup resources. Every resource it
 * creates and deletes is reported to the tracker (the run's ledger), so nothing a run makes can be forgotten.
 */
export class ConversationsApi {
  constructor(
    readonly http: HttpClient,
    private readonly tracker?: ResourceTracker,
  ) {}

  configuration(): Promise<Exchange> {
    return this.http.send({ method: 'GET', path: '/v1/Configuration' })
  }

  async createService(friendlyName: string): Promise<Exchange> {
    const ex = await this.http.send({ method: 'POST', path: '/v1/Services', form: { FriendlyName: friendlyName } })
    const sid = createdSid(ex)
    if (sid) this.tracker?.created({ kind: 'service', path: `/v1/Services/${encodeURIComponent(sid)}`, sid })
    return ex
  }

  listServices(query: Record<string, string | number> = {}): Promise<Exchange> {
    return this.http.send({ method: 'GET', path: '/v1/Services', query })
  }

  /**
   * Every item of a Twilio list resource (`/v1/Conversations`, `/v1/Users`, …), following next_page_url (mapped onto
   * the target). Throws an Error naming the status when a page does not answer 200.
   */
  async listEvery(path: string, key: string, maxPages = 100): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = []
    let ex = await this.http.send({ method: 'GET', path, query: { PageSize: 100 } })
    for (let page = 1; ; page++) {
      const body = ex.json as { meta?: { next_page_url?: unknown }; [k: string]: unknown } | undefined
      const list = body?.[key]
      if (ex.response.status !== 200 || !Array.isArray(list)) throw new Error(`GET ${ex.request.path} answered ${ex.response.status}`)
      items.push(...(list as Array<Record<string, unknown>>))
      const next = body?.meta?.next_page_url
      if (typeof next !== 'string' || page >= maxPages) return items
      ex = await this.http.send({ method: 'GET', path: this.http.toTargetPath(next) })
    }
  }

  deleteService(sid: string): Promise<Exchange> {
    return this.remove(`/v1/Services/${encodeURIComponent(sid)}`)
  }

  /** Creates a conversation through the route of its scope (the service route names the service explicitly). */
  async createConversation(scope: Scope, serviceSid: string, friendlyName: string): Promise<Exchange> {
    const path = scope === 'service' ? `/v1/Services/${encodeURIComponent(serviceSid)}/Conversations` : '/v1/Conversations'
    const ex = await this.http.send({ method: 'POST', path, form: { FriendlyName: friendlyName } })
    const sid = createdSid(ex)
    if (sid) this.tracker?.created({ kind: 'conversation', path: conversationPath({ sid, serviceSid, scope }), sid })
    return ex
  }

  deleteConversation(ref: ConversationRef): Promise<Exchange> {
    return this.remove(conversationPath(ref))
  }

  /**
   * Adds a chat participant. A real account also creates a Conversations User for a new identity, which outlives
   * the conversation: it goes into the ledger too, to be deleted with the rest.
   */
  async addParticipant(ref: ConversationRef, identity: string): Promise<Exchange> {
    const ex = await this.http.send({ method: 'POST', path: `${conversationPath(ref)}/Participants`, form: { Identity: identity } })
    const sid = createdSid(ex)
    if (sid) {
      this.tracker?.created({ kind: 'participant', path: `${conversationPath(ref)}/Participants/${encodeURIComponent(sid)}`, sid })
      this.tracker?.created({ kind: 'user', path: userPath(ref.serviceSid, identity) })
    }
    return ex
  }

  /** Deletes whatever a ledger path names; a 2xx or a 404 means it is gone (isGone). */
  async remove(path: string): Promise<Exchange> {
    const ex = await this.http.send({ method: 'DELETE', path })
    if (isGone(ex)) this.tracker?.deleted(path)
    return ex
  }

  /**
   * Uploads a file as media of a Conversation Service, in the shape of Twilio's Media Content Service: the bytes as
   * the body, their type as the Content-Type (https://www.twilio.com/docs/conversations/media-support-conversations).
   * Twilio serves this at https://mcs.us1.twilio.com; the suite sends it only to the target's own origin (the
   * reference server and clones that have it), never with the target's credentials to another host.
   */
  async uploadMedia(serviceSid: string, file: { text: string; contentType: string; filename: string }): Promise<Exchange> {
    const path = `/v1/Services/${encodeURIComponent(serviceSid)}/Media`
    const ex = await this.http.send({ method: 'POST', path, encoded: { body: file.text, contentType: file.contentType }, headers: { 'Content-Disposition': `attachment; filename="${file.filename}"` } })
    const sid = createdSid(ex)
    if (sid) this.tracker?.created({ kind: 'media', path: `${path}/${encodeURIComponent(sid)}`, sid })
    return ex
  }

  /** Makes a Content template, in the shape of Twilio's Content API (https://www.twilio.com/docs/content/content-api-resources): a JSON body. */
  async createContentTemplate(template: { friendly_name: string; language: string; variables: Record<string, string>; types: Record<string, unknown> }): Promise<Exchange> {
    const ex = await this.http.send({ method: 'POST', path: '/v1/Content', encoded: { body: JSON.stringify(template), contentType: 'application/json' } })
    const sid = createdSid(ex)
    if (sid) this.tracker?.created({ kind: 'content', path: `/v1/Content/${encodeURIComponent(sid)}`, sid })
    return ex
  }

  messages(ref: ConversationRef, auth: Credentials = 'target'): MessagesApi {
    return new MessagesApi(this.http, `${conversationPath(ref)}/Messages`, auth)
  }
}

/** The User a service keeps for an identity; the User routes accept the identity in place of the US… SID. */
export function userPath(serviceSid: string, identity: string): string {
  return serviceSid ? `/v1/Services/${encodeURIComponent(serviceSid)}/Users/${encodeURIComponent(identity)}` : `/v1/Users/${encodeURIComponent(identity)}`
}

export interface PagedResult {
  /** Every page response, in the order fetched. */
  pages: Exchange[]
  /** The concatenated `messages` arrays of the pages that answered 200. */
  messages: unknown[]
  /** Why paging stopped early, if it did (non-200, not JSON, a loop, the page cap). */
  stoppedBecause?: string
}

export class MessagesApi {
  constructor(
    private readonly http: HttpClient,
    readonly basePath: string,
    private readonly auth: Credentials,
  ) {}

  create(params: MessageParams, headers?: Record<string, string>): Promise<Exchange> {
    return this.http.send({ method: 'POST', path: this.basePath, form: params, headers, auth: this.auth })
  }

  /** A create whose form body is encoded by the caller, as another client would send it. */
  createEncoded(encoded: { body: string; contentType: string }, headers?: Record<string, string>): Promise<Exchange> {
    return this.http.send({ method: 'POST', path: this.basePath, encoded, headers, auth: this.auth })
  }

  /** An update whose form body is encoded by the caller, as another client would send it. */
  updateEncoded(sid: string, encoded: { body: string; contentType: string }, headers?: Record<string, string>): Promise<Exchange> {
    return this.http.send({ method: 'POST', path: this.itemPath(sid), encoded, headers, auth: this.auth })
  }

  fetch(sid: string): Promise<Exchange> {
    return this.http.send({ method: 'GET', path: this.itemPath(sid), auth: this.auth })
  }

  list(query: ListQuery = {}): Promise<Exchange> {
    return this.http.send({ method: 'GET', path: this.basePath, query: { ...query }, auth: this.auth })
  }

  update(sid: string, params: MessageParams, headers?: Record<string, string>): Promise<Exchange> {
    return this.http.send({ method: 'POST', path: this.itemPath(sid), form: params, headers, auth: this.auth })
  }

  remove(sid: string, headers?: Record<string, string>): Promise<Exchange> {
    return this.http.send({ method: 'DELETE', path: this.itemPath(sid), headers, auth: this.auth })
  }

  /** GETs a URL the server handed out (a page URL), mapped onto the target's origin. */
  follow(url: string): Promise<Exchange> {
    return this.http.send({ method: 'GET', path: this.http.toTargetPath(url), auth: this.auth })
  }

  /** Lists from the first page and follows `meta.next_page_url` until it is null. */
  async listAll(query: ListQuery = {}, maxPages = 200): Promise<PagedResult> {
    const result: PagedResult = { pages: [], messages: [] }
    const seen = new Set<string>()
    let ex = await this.list(query)
    for (;;) {
      result.pages.push(ex)
      const page = ex.json as { meta?: { next_page_url?: unknown }; messages?: unknown } | undefined
      if (ex.response.status !== 200 || !page || !Array.isArray(page.messages)) {
        result.stoppedBecause = `page ${result.pages.length} answered ${ex.response.status} without a messages array`
        return result
      }
      result.messages.push(...page.messages)
      const next = page.meta?.next_page_url
      if (next === null || next === undefined) return result
      if (typeof next !== 'string') {
        result.stoppedBecause = `page ${result.pages.length} has a next_page_url that is not a string`
        return result
      }
      if (seen.has(next)) {
        result.stoppedBecause = `next_page_url repeats an earlier page (${next})`
        return result
      }
      if (result.pages.length >= maxPages) {
        result.stoppedBecause = `more than ${maxPages} pages`
        return result
      }
      seen.add(next)
      ex = await this.follow(next)
    }
  }

  private itemPath(sid: string): string {
    return `${this.basePath}/${encodeURIComponent(sid)}`
  }
}
