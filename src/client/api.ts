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

/** The Conversations v1 API as far as this suite needs it: messages, plus the setup resources. */
export class ConversationsApi {
  constructor(readonly http: HttpClient) {}

  configuration(): Promise<Exchange> {
    return this.http.send({ method: 'GET', path: '/v1/Configuration' })
  }

  createService(friendlyName: string): Promise<Exchange> {
    return this.http.send({ method: 'POST', path: '/v1/Services', form: { FriendlyName: friendlyName } })
  }

  deleteService(sid: string): Promise<Exchange> {
    return this.http.send({ method: 'DELETE', path: `/v1/Services/${encodeURIComponent(sid)}` })
  }

  /** Creates a conversation through the route of its scope (the service route names the service explicitly). */
  createConversation(scope: Scope, serviceSid: string, friendlyName: string): Promise<Exchange> {
    const path = scope === 'service' ? `/v1/Services/${encodeURIComponent(serviceSid)}/Conversations` : '/v1/Conversations'
    return this.http.send({ method: 'POST', path, form: { FriendlyName: friendlyName } })
  }

  deleteConversation(ref: ConversationRef): Promise<Exchange> {
    return this.http.send({ method: 'DELETE', path: conversationPath(ref) })
  }

  addParticipant(ref: ConversationRef, identity: string): Promise<Exchange> {
    return this.http.send({ method: 'POST', path: `${conversationPath(ref)}/Participants`, form: { Identity: identity } })
  }

  messages(ref: ConversationRef, auth: Credentials = 'target'): MessagesApi {
    return new MessagesApi(this.http, `${conversationPath(ref)}/Messages`, auth)
  }
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
