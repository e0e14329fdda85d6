/**
 * The static validators: every requirement of the catalogue that can be judged from one recorded response, keyed by
 * its ID. `conformance validate` runs them on cassettes, nock files, HAR files and bare bodies; nothing here sends a
 * request.
 *
 * Each entry judges one kind of subject: the exchange as a whole (status, headers), one message (a create, fetch
 * or update body, a list item, a bare message), a page, or an error body. What a subject needs that a recording may
 * not have (the request path, the status, the headers) is optional: a rule that lacks it judges nothing.
 *
 * `live` names the check in suites/ for the same requirement. Where one response shows all there is to judge (the
 * message rules of the representation requirements), the live check calls the rule here itself
 * (src/harness/static-rules.ts), so a live and a recorded response are judged by the same code; the other live checks
 * also judge what only a sequence of requests shows (paging, ordering across creates, what a fetch returns).
 */
import { findRequirement } from '../catalogue/requirements.ts'
import type { Level } from '../catalogue/types.ts'
import { isRfc3339DateTime, sameSid } from '../schemas/formats.ts'
import { type SchemaIssue, type SchemaName, validateSchema } from '../schemas/validate.ts'
import type { Operation, RecognisedRequest, Scope } from './operations.ts'

export interface Issue {
  /** JSON pointer into the response body ('' for the body or the exchange as a whole). */
  pointer: string
  /** What was checked, short: `status`, `pattern`, `content-type`, `links.channel_metadata`, … */
  rule: string
  message: string
}

export interface Finding extends Issue {
  requirement: string
  level: Level
  /** The doc anchor of the requirement. */
  ref: string
}

/** One recorded response as the rules see it. */
export interface ResponseView {
  operation?: Operation
  /** The request, when the recording has it. */
  request?: RecognisedRequest
  scope?: Scope
  status?: number
  headers?: Record<string, string>
  text: string
  json: unknown
}

export interface MessageSubject {
  message: Record<string, unknown>
  /** Pointer of the message in the body: '' or '/messages/3'. */
  at: string
  view: ResponseView
}

export interface StaticValidator {
  exchange?: (view: ResponseView) => Issue[]
  message?: (subject: MessageSubject) => Issue[]
  page?: (page: Record<string, unknown>, view: ResponseView) => Issue[]
  error?: (error: Record<string, unknown>, view: ResponseView) => Issue[]
  /** The check in suites/ that judges the same thing on a live response. */
  live?: string
}

const issue = (pointer: string, rule: string, message: string): Issue => ({ pointer, rule, message })
const show = (v: unknown): string => {
  const s = JSON.stringify(v)
  return s === undefined ? 'nothing' : s.length > 80 ? `${s.slice(0, 79)}…` : s
}
const mediaType = (headers: Record<string, string> | undefined): string | undefined =>
  headers === undefined ? undefined : (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
const isJsonType = (type: string): boolean => /^application\/(?:[\w.+-]+\+)?json$/.test(type)

/** A 2xx other than the operation's own status, or a status no API answers with. */
function statusRule(operation: Operation, expected: number) {
  return (v: ResponseView): Issue[] => {
    if (v.operation !== operation || v.status === undefined) return []
    const s = v.status
    if (s >= 400 && s <= 599) return [] // an error: judged by msg.errors.format
    if (s !== expected) return [issue('', 'status', `${operation} answered HTTP ${s}, expected ${expected}`)]
    return []
  }
}

const SIDS = { sid: 'IM', account_sid: 'AC', conversation_sid: 'CH' } as const
const OWN_PATH = /\/Conversations\/([^/]+)\/Messages\/([^/]+)$/
const SERVICE_FORM = /\/Services\/([^/]+)\/Conversations\/[^/]+\/Messages\/[^/]+$/
const pathOf = (value: unknown): string | undefined =>
  typeof value === 'string' && URL.canParse(value, 'http://base.invalid') ? new URL(value, 'http://base.invalid').pathname : undefined
const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed', 'undelivered'] as const

function schemaOf(kind: 'message' | 'page', scope: Scope | undefined, body: Record<string, unknown>): SchemaName {
  const service = scope === 'service' || (scope === undefined && kind === 'message' && 'chat_service_sid' in body)
  if (kind === 'message') return service ? 'service-message' : 'message'
  const first = Array.isArray(body['messages']) ? (body['messages'][0] as Record<string, unknown> | undefined) : undefined
  return scope === 'service' || (scope === undefined && first !== undefined && typeof first === 'object' && first !== null && 'chat_service_sid' in first) ? 'service-message-page' : 'message-page'
}

const fromSchema = (issues: SchemaIssue[]): Issue[] => issues.map((i) => issue(i.pointer, i.rule, i.message))

/** links.<name> must be the message's own url + suffix (paths compared: the origin is the server's choice). */
function linkIssues(message: Record<string, unknown>, at: string, name: string, suffix: string): Issue[] {
  const self = pathOf(message['url'])
  if (self === undefined) return [] // url-self says what is wrong with url
  const link = (message['links'] as Record<string, unknown>)[name]
  return pathOf(link) === self + suffix ? [] : [issue(`${at}/links/${name}`, `url${suffix}`, `links.${name} is ${show(link)}, expected the message url + ${suffix}`)]
}

/** The static validators, keyed by requirement ID. */
export const STATIC_VALIDATORS: Record<string, StaticValidator> = {
  // --- status and headers ------------------------------------------------------------------------------------
  'msg.create.status-201': { exchange: statusRule('create', 201), live: 'suites/create/status-201.check.ts' },
  'msg.fetch.returns-created': {
    exchange: statusRule('fetch', 200),
    // One response can show only that the message fetched is the one the path names.
    message: ({ message, at, view }) =>
      view.operation === 'fetch' && view.request?.messageSid && typeof message['sid'] === 'string' && !sameSid(message['sid'], view.request.messageSid)
        ? [issue(`${at}/sid`, 'sid-of-path', `fetch of ${view.request.messageSid} returned the message ${show(message['sid'])}`)]
        : [],
    live: 'suites/fetch/returns-created.check.ts',
  },
  'msg.list.contains-created': { exchange: statusRule('list', 200), live: 'suites/list/contains-created.check.ts (status only)' },
  'msg.update.applies-changes': { exchange: statusRule('update', 200), live: 'suites/update/applies-changes.check.ts (status only)' },
  'msg.delete.status-204-empty': {
    exchange: (v) => {
      if (v.operation !== 'delete' || v.status === undefined || (v.status >= 400 && v.status <= 599)) return []
      const out: Issue[] = []
      if (v.status !== 204) out.push(issue('', 'status', `delete answered HTTP ${v.status}, expected 204 No Content`))
      if (v.text !== '') out.push(issue('', 'empty-body', `delete answered with a body of ${v.text.length} characters, expected none`))
      return out
    },
    live: 'suites/delete/status-204-empty.check.ts',
  },
  'msg.representation.json-content-type': {
    exchange: (v) => {
      const type = mediaType(v.headers)
      if (type === undefined || v.status === undefined || v.status < 200 || v.status > 299 || v.text === '') return []
      return type === 'application/json' ? [] : [issue('', 'content-type', `Content-Type is ${show(v.headers?.['content-type'] ?? null)}, expected application/json`)]
    },
    live: 'suites/representation/json-content-type.check.ts',
  },

  // --- one message -----------------------------------------------------------------------------------------------
  'msg.representation.schema': {
    message: ({ message, at, view }) =>
      at.startsWith('/messages/') ? [] : fromSchema(validateSchema(schemaOf('message', view.scope, message), message)).map((i) => ({ ...i, pointer: at + i.pointer })),
    // Pages: the items (the meta block is msg.list.meta's).
    page: (page, view) => fromSchema(validateSchema(schemaOf('page', view.scope, page), page)).filter((i) => !i.pointer.startsWith('/meta')),
    live: 'suites/representation/schema.check.ts',
  },
  'msg.representation.sids': {
    message: ({ message, at }) =>
      Object.entries(SIDS).flatMap(([field, prefix]) => {
        const value = message[field]
        const ok = typeof value === 'string' && new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value)
        return ok ? [] : [issue(`${at}/${field}`, 'sid-pattern', `${field} is ${show(value)}, expected "${prefix}" and 32 hex digits`)]
      }),
    live: 'suites/representation/sids.check.ts',
  },
  'msg.representation.conversation-sid': {
    message: ({ message, at, view }) =>
      view.request && typeof message['conversation_sid'] === 'string' && /^CH/.test(view.request.conversationSid) && !sameSid(message['conversation_sid'], view.request.conversationSid)
        ? [issue(`${at}/conversation_sid`, 'sid-of-path', `conversation_sid is ${show(message['conversation_sid'])}, not the conversation in the path (${view.request.conversationSid})`)]
        : [],
    live: 'suites/representation/conversation-sid.check.ts',
  },
  'msg.representation.chat-service-sid': {
    message: ({ message, at, view }) =>
      view.request?.scope === 'service' && view.request.serviceSid && !sameSid(message['chat_service_sid'], view.request.serviceSid)
        ? [issue(`${at}/chat_service_sid`, 'sid-of-path', `chat_service_sid is ${show(message['chat_service_sid'])}, not the service in the path (${view.request.serviceSid})`)]
        : [],
    live: 'suites/representation/chat-service-sid.check.ts',
  },
  'msg.representation.dates': {
    message: ({ message, at }) => {
      const out: Issue[] = []
      if (!isRfc3339DateTime(message['date_created'])) out.push(issue(`${at}/date_created`, 'rfc3339', `date_created ${show(message['date_created'])} is not an RFC 3339 date-time with a time zone`))
      const updated = message['date_updated']
      if (updated !== null && !isRfc3339DateTime(updated)) out.push(issue(`${at}/date_updated`, 'rfc3339', `date_updated ${show(updated)} is neither null nor an RFC 3339 date-time with a time zone`))
      return out
    },
    live: 'suites/representation/dates.check.ts',
  },
  'msg.representation.url-self': {
    // The path only: whether fetching the url returns the message needs a live target.
    message: ({ message, at }) => {
      const value = message['url']
      const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return [issue(`${at}/url`, 'absolute-url', `url ${show(value)} is not an absolute http(s) URL`)]
      const own = OWN_PATH.exec(url.pathname)
      const ok = own !== null && sameSid(decodeURIComponent(own[1]!), message['conversation_sid']) && sameSid(decodeURIComponent(own[2]!), message['sid'])
      if (!ok) return [issue(`${at}/url`, 'url-path', `the path of url ${url.href} does not end in /Conversations/${String(message['conversation_sid'])}/Messages/${String(message['sid'])}`)]
      const service = SERVICE_FORM.exec(url.pathname)
      if (service && typeof message['chat_service_sid'] === 'string' && !sameSid(decodeURIComponent(service[1]!), message['chat_service_sid'])) {
        return [issue(`${at}/url`, 'url-service', `url ${url.href} names another service than chat_service_sid ${String(message['chat_service_sid'])}`)]
      }
      return []
    },
    live: 'suites/representation/url-self.check.ts (its path part)',
  },
  'msg.representation.links': {
    message: ({ message, at }) => {
      const links = message['links']
      if (typeof links !== 'object' || links === null || Array.isArray(links)) return [issue(`${at}/links`, 'links-object', `links is ${show(links)}, not an object`)]
      return linkIssues(message, at, 'delivery_receipts', '/Receipts')
    },
    live: 'suites/representation/links.check.ts',
  },
  'msg.representation.links-channel-metadata': {
    message: ({ message, at }) => {
      const links = message['links']
      // Not an object at all is msg.representation.links's finding.
      if (typeof links !== 'object' || links === null || Array.isArray(links)) return []
      return linkIssues(message, at, 'channel_metadata', '/ChannelMetadata')
    },
    live: 'suites/representation/links-channel-metadata.check.ts',
  },
  'msg.representation.attributes-json': {
    message: ({ message, at }) => {
      const value = message['attributes']
      if (typeof value !== 'string') return [issue(`${at}/attributes`, 'json-string', `attributes is ${show(value)}, not a string`)]
      try {
        JSON.parse(value)
        return []
      } catch {
        return [issue(`${at}/attributes`, 'json-string', `attributes ${show(value)} is not structurally valid JSON`)]
      }
    },
    live: 'suites/representation/attributes-json.check.ts',
  },
  'msg.representation.delivery': {
    message: ({ message, at }) => {
      const delivery = message['delivery']
      if (delivery === null) return []
      if (typeof delivery !== 'object' || Array.isArray(delivery) || delivery === undefined) return [issue(`${at}/delivery`, 'delivery-shape', `delivery is ${show(delivery)}, neither null nor a delivery summary object`)]
      const d = delivery as Record<string, unknown>
      const out: Issue[] = []
      if (!Number.isInteger(d['total']) || (d['total'] as number) < 0) out.push(issue(`${at}/delivery/total`, 'delivery-shape', `delivery.total is ${show(d['total'])}, not a count`))
      for (const s of DELIVERY_STATUSES) if (typeof d[s] !== 'string') out.push(issue(`${at}/delivery/${s}`, 'delivery-shape', `delivery.${s} is ${show(d[s])}, not a status`))
      return out
    },
    live: 'suites/representation/delivery.check.ts',
  },

  // --- a page ----------------------------------------------------------------------------------------------------
  'msg.list.meta': {
    page: (page, view) => {
      const out = fromSchema(validateSchema(schemaOf('page', view.scope, page), page)).filter((i) => i.pointer.startsWith('/meta'))
      const meta = page['meta']
      if (typeof meta !== 'object' || meta === null) return out
      const m = meta as Record<string, unknown>
      if (m['key'] !== 'messages' && !out.some((i) => i.pointer === '/meta/key')) out.push(issue('/meta/key', 'key', `meta.key is ${show(m['key'])}, expected "messages"`))
      if (view.request) {
        for (const name of ['url', 'first_page_url'] as const) {
          const path = pathOf(m[name])
          if (path !== undefined && !path.endsWith(view.request.listPath)) {
            out.push(issue(`/meta/${name}`, 'list-path', `meta.${name} ${show(m[name])} does not address this list (${view.request.listPath})`))
          }
        }
      }
      return out
    },
    live: 'suites/list/meta.check.ts',
  },
  'msg.list.first-page-previous-null': {
    // Only when the request shows it asked for the first page (no PageToken).
    page: (page, view) => {
      const meta = page['meta'] as Record<string, unknown> | undefined
      if (!view.request || view.request.query.has('PageToken') || !meta || !('previous_page_url' in meta)) return []
      return meta['previous_page_url'] === null ? [] : [issue('/meta/previous_page_url', 'first-page', `the first page has previous_page_url ${show(meta['previous_page_url'])}, expected null`)]
    },
    live: 'suites/list/first-page-previous-null.check.ts',
  },
  'msg.list.page-size': {
    page: (page, view) => {
      const n = Number(view.request?.query.get('PageSize'))
      const meta = page['meta'] as Record<string, unknown> | undefined
      if (!view.request?.query.has('PageSize') || !Number.isInteger(n) || n < 1 || n > 100 || !meta) return []
      const out: Issue[] = []
      if (meta['page_size'] !== n) out.push(issue('/meta/page_size', 'page-size', `PageSize=${n} was asked for, meta.page_size is ${show(meta['page_size'])}`))
      if (Array.isArray(page['messages']) && page['messages'].length > n) out.push(issue('/messages', 'page-size', `PageSize=${n} was asked for, the page holds ${page['messages'].length} messages`))
      return out
    },
    live: 'suites/list/page-size.check.ts',
  },
  'msg.list.page-size-default': {
    page: (page, view) => {
      const meta = page['meta'] as Record<string, unknown> | undefined
      if (!view.request || view.request.query.has('PageSize') || !meta) return []
      return meta['page_size'] === 50 ? [] : [issue('/meta/page_size', 'default-50', `without PageSize, meta.page_size is ${show(meta['page_size'])}, expected 50`)]
    },
    live: 'suites/list/page-size-default.check.ts',
  },
  'msg.list.page-size-out-of-range': {
    page: (page) => (Array.isArray(page['messages']) && page['messages'].length > 100 ? [issue('/messages', 'max-100', `the page holds ${page['messages'].length} messages, more than 100`)] : []),
    live: 'suites/list/page-size-out-of-range.check.ts (the cap)',
  },
  'msg.list.default-order': {
    page: (page, view) => (view.request && !view.request.query.has('Order') ? orderIssues(page, 'asc') : []),
    live: 'suites/list/default-order.check.ts',
  },
  'msg.list.order-desc': {
    page: (page, view) => (view.request?.query.get('Order') === 'desc' ? orderIssues(page, 'desc') : []),
    live: 'suites/list/order-desc.check.ts',
  },
  'msg.list.order-case-insensitive': {
    page: (page, view) => {
      const order = view.request?.query.get('Order')
      if (order === undefined || order === null || order === 'asc' || order === 'desc') return []
      const lower = order.toLowerCase()
      return lower === 'asc' || lower === 'desc' ? orderIssues(page, lower) : []
    },
    live: 'suites/list/order-case-insensitive.check.ts',
  },

  // --- an error --------------------------------------------------------------------------------------------------
  'msg.errors.format': {
    exchange: (v) => {
      if (v.status === undefined || v.status < 400) return []
      const out: Issue[] = []
      const type = mediaType(v.headers)
      if (type !== undefined && !isJsonType(type)) out.push(issue('', 'content-type', `the error's Content-Type is ${show(v.headers?.['content-type'] ?? null)}, expected JSON`))
      if (v.json === undefined || typeof v.json !== 'object' || v.json === null || Array.isArray(v.json)) out.push(issue('', 'json', `the HTTP ${v.status} body is not a JSON object: ${show(v.text.slice(0, 80))}`))
      return out
    },
    error: (error, v) => {
      const out = fromSchema(validateSchema('error', error))
      if (v.status !== undefined && typeof error['status'] === 'number' && error['status'] !== v.status) {
        out.push(issue('/status', 'status-matches-http', `the error body says status ${error['status']} but the HTTP status is ${v.status}`))
      }
      return out
    },
    live: 'suites/errors/format.check.ts (expectTwilioError in src/harness/verify.ts)',
  },
  'msg.errors.not-found-code': {
    error: (error, v) => ((v.status ?? error['status']) === 404 && error['code'] !== 20404 ? [issue('/code', 'code-20404', `a 404 carries code ${show(error['code'])}, expected 20404`)] : []),
    live: 'suites/errors/not-found-code.check.ts',
  },
  'msg.errors.more-info': {
    error: (error) =>
      typeof error['code'] === 'number' && error['more_info'] !== `https://www.twilio.com/docs/errors/${error['code']}`
        ? [issue('/more_info', 'more-info-url', `more_info is ${show(error['more_info'])}, expected https://www.twilio.com/docs/errors/${error['code']}`)]
        : [],
    live: 'suites/errors/more-info.check.ts',
  },
}

function orderIssues(page: Record<string, unknown>, order: 'asc' | 'desc'): Issue[] {
  const items = Array.isArray(page['messages']) ? (page['messages'] as Array<Record<string, unknown> | null>) : []
  const indexes = items.map((m) => (m && typeof m === 'object' ? m['index'] : undefined))
  if (!indexes.every((i) => typeof i === 'number')) return [] // the schema says what is wrong with them
  for (let n = 1; n < indexes.length; n++) {
    const ok = order === 'asc' ? (indexes[n] as number) > (indexes[n - 1] as number) : (indexes[n] as number) < (indexes[n - 1] as number)
    if (!ok) return [issue(`/messages/${n}/index`, `order-${order}`, `indices ${indexes.join(', ')} are not in ${order === 'asc' ? 'ascending' : 'descending'} order`)]
  }
  return []
}

/** The requirement behind a validator: its level and doc link, from the catalogue. */
export function requirementOf(id: string): { level: Level; ref: string } {
  const r = findRequirement(id)
  if (!r) throw new Error(`static validator ${id} names no requirement of the catalogue`)
  return { level: r.level, ref: r.ref }
}
