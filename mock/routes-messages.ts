// The ten documented Message operations: create, list, fetch, update and delete, each in the
// default scope (/v1/Conversations/{CH}/Messages) and the service scope
// (/v1/Services/{IS}/Conversations/{CH}/Messages). The two scopes share every handler and differ
// only in how the conversation is found and how URLs are rendered.
import { ApiError, internalError, invalidParameter, notFound } from './errors.ts'
import { decodeAgain, type Params } from './form.ts'
import { findMessageConversation } from './lookup.ts'
import { isSid } from './sids.ts'
import { encodePageToken, pageMeta, type PagingFaults, slicePage } from './paging.ts'
import { rememberToken, tokenOwner } from './token-owners.ts'
import { messagesPath, renderMessage, type Scope } from './representation.ts'
import type { App, Handler, Request, RouteDef } from './router.ts'
import { type Conversation, type Message, MessageLog } from './store.ts'
import { checkWebhookHeader, type MessageCreate, readCreateParams, readListQuery, readUpdateParams } from './validation.ts'

function conversationFor(req: Request, app: App, scope: Scope): Conversation {
  if (scope === 'service' && app.faults.on('no-service-scope')) throw notFound(req.path)
  if (req.method === 'GET' && app.faults.on('unknown-conversation-listed')) return findConversationOrPhantom(req, app, scope)
  const messageSid = req.params['message']
  if (req.method === 'POST' && messageSid === undefined && app.faults.on('create-unknown-conversation-stored') && namesNoConversation(req, app, scope)) {
    return findConversationOrPhantom(req, app, scope)
  }
  if (req.method !== 'GET' && messageSid !== undefined && app.faults.on('writes-ignore-conversation') && namesNoConversation(req, app, scope)) {
    const home = conversationHolding(app, messageSid)
    if (home !== undefined) return home
  }
  return findMessageConversation(req, app, scope)
}

/**
 * For the faults about a conversation SID that names nothing at all: the path's service exists (in the service scope)
 * and no conversation of any service has this SID, so other lookups (an unknown service, another service's
 * conversation) keep their 404.
 */
function namesNoConversation(req: Request, app: App, scope: Scope): boolean {
  if (scope === 'service' && app.store.getService(req.params['service'] ?? '') === undefined) return false
  const key = req.params['conversation'] ?? ''
  return isSid('CH', key) && app.store.findConversation(key) === undefined
}

/** The conversation a message SID belongs to, whatever the path says (the `writes-ignore-conversation` and `fetch-any-conversation` faults). */
function conversationHolding(app: App, messageSid: string): Conversation | undefined {
  for (const c of app.store.allConversations()) if (c.messages.get(messageSid) !== undefined) return c
  return undefined
}

/** The `unknown-conversation-listed` fault: an unknown conversation reads as an empty one (a filter on a message table). */
function findConversationOrPhantom(req: Request, app: App, scope: Scope): Conversation {
  try {
    return findMessageConversation(req, app, scope)
  } catch {
    const now = app.store.now()
    const sid = req.params['conversation'] ?? ''
    const serviceSid = req.params['service'] ?? app.store.defaultServiceSid
    return { sid, serviceSid, friendlyName: null, uniqueName: null, attributes: '{}', dateCreated: now, dateUpdated: now, creationOrder: -1, participants: new Map(), messages: new MessageLog() }
  }
}

/** Where the lookup faults find a message that a correct server does not have at this path. */
function faultyLookup(req: Request, app: App, conversation: Conversation, sid: string): Message | undefined {
  const deletedVisible = (req.method === 'GET' && app.faults.on('fetch-after-delete')) || (req.method === 'POST' && app.faults.on('update-after-delete'))
  const deleted = deletedVisible ? conversation.messages.getDeleted(sid) : undefined
  if (deleted !== undefined) return deleted
  const live = (match: (m: Message) => boolean): Message | undefined => {
    for (let i = 0; i < conversation.messages.size; i++) {
      const m = conversation.messages.at(i)!
      if (match(m)) return m
    }
    return undefined
  }
  const sameIgnoringCase = (m: Message) => m.sid.toLowerCase() === sid.toLowerCase()
  if (req.method === 'POST' && app.faults.on('update-sid-case-insensitive')) return live(sameIgnoringCase)
  if (req.method === 'DELETE' && app.faults.on('delete-sid-prefix-match') && sid !== '') return live((m) => m.sid.startsWith(sid))
  if (req.method !== 'GET') return undefined
  if (app.faults.on('sid-lookup-case-insensitive')) {
    const found = live(sameIgnoringCase)
    if (found !== undefined) return found
  }
  if (app.faults.on('fetch-any-conversation')) return conversationHolding(app, sid)?.messages.get(sid)
  return undefined
}

/**
 * A message of this conversation. A SID of another conversation, or a malformed one, is simply not here: 404.
 * Under `list-lag` a fetch may still find a message deleted within the lag (a replica that has not seen the delete).
 */
function messageFor(req: Request, app: App, conversation: Conversation): Message {
  const sid = req.params['message'] ?? ''
  const lagging = req.method === 'GET' ? conversation.messages.recentlyDeleted(sid) : undefined
  const message = conversation.messages.get(sid) ?? lagging ?? faultyLookup(req, app, conversation, sid)
  if (message === undefined && app.faults.on('unknown-message-500')) throw internalError() // a null dereference
  const chatCode = app.faults.on('message-not-found-50500') || (req.method !== 'GET' && app.faults.on('write-not-found-50500'))
  if (message === undefined) throw chatCode ? new ApiError(404, 50500, 'Message not found') : notFound(req.path)
  return message
}

/** participant_sid is the author's participant in this conversation, if the author is one (null for "system"). */
function participantSidFor(app: App, conversation: Conversation, author: string): string | null {
  return app.store.participantByIdentity(conversation, author)?.sid ?? null
}

const bodyRules = (app: App) => ({
  enforceBodyLimit: !app.faults.on('body-limit-ignored'),
  chatBodyLimit: app.conditions.on('chat-body-limit'),
  utf16Characters: app.variants.on('body-limit-utf16'),
  attributesLimit: app.conditions.on('attributes-limit'),
  faults: app.faults,
  objectAttributes: app.variants.on('attributes-objects-only'),
  emptyAttributesReset: app.variants.on('empty-attributes-reset'),
  upperCaseDates: app.variants.on('dates-upper-case-only'),
})

/**
 * The X-Twilio-Webhook-Enabled header; the `webhook-false-rejected` fault accepts only "true", `webhook-header-unvalidated`
 * any value (`update-webhook-header-unvalidated`: on update), and `webhook-header-name-case-sensitive` sees the header
 * only under its exact spelling.
 */
function webhookHeader(req: Request, app: App, op: 'create' | 'update' | 'delete'): void {
  const given = app.faults.on('webhook-header-name-case-sensitive') ? req.rawHeader('X-Twilio-Webhook-Enabled') : req.header('x-twilio-webhook-enabled')
  const value = given === '' && app.variants.on('empty-as-omitted') ? undefined : given
  const unvalidated = app.faults.on('webhook-header-unvalidated') || (op === 'update' && app.faults.on('update-webhook-header-unvalidated'))
  if (!unvalidated) checkWebhookHeader(value)
  if (app.faults.on('webhook-false-rejected') && value?.toLowerCase() === 'false') throw invalidParameter('X-Twilio-Webhook-Enabled must be true')
}

/** The `media-content-must-exist` variant: a SID of media or of a Content template this server does not hold is refused. */
function refuseUnknownMediaAndContent(input: MessageCreate, app: App): void {
  if (input.contentSid !== undefined && app.store.getTemplate(input.contentSid) === undefined) throw invalidParameter(`ContentSid ${input.contentSid} does not name a Content template`)
  if (input.mediaSid !== undefined && app.store.getMedia(input.mediaSid) === undefined) throw invalidParameter(`MediaSid ${input.mediaSid} does not name any media`)
}

/** unknown-media-stored: the existence check runs only after the message is stored (whatever exists, the SIDs were unchecked). */
function namesUnknown(input: MessageCreate, app: App): boolean {
  return (input.mediaSid !== undefined && app.store.getMedia(input.mediaSid) === undefined) || (input.contentSid !== undefined && app.store.getTemplate(input.contentSid) === undefined)
}

/** The parameters whose empty value the `empty-as-omitted` variant reads as not given (an empty Body, Author or Subject is a value). */
const OMITTED_WHEN_EMPTY = ['DateCreated', 'DateUpdated', 'Attributes', 'MediaSid', 'ContentSid', 'ContentVariables']

/** A create's or update's form as read: under the `empty-as-omitted` variant without the parameters given empty. */
function writeForm(form: Params, app: App): Params {
  if (!app.variants.on('empty-as-omitted')) return form
  return new Map([...form].filter(([name, value]) => !(value === '' && OMITTED_WHEN_EMPTY.includes(name))))
}

/** What the create faults make of a stored Body. */
function storedBody(app: App, body: string | null): string | null {
  if (body !== null && app.faults.on('body-double-decoded')) body = decodeAgain(body)
  if (body !== null && app.faults.on('body-utf8mb3')) body = body.replace(/[\u{10000}-\u{10FFFF}]/gu, '?')
  if (body !== null && app.faults.on('body-trimmed')) body = body.trim()
  if (body !== null && app.faults.on('body-crlf-normalised')) body = body.replace(/\r\n?/g, '\n')
  if (body !== null && app.faults.on('body-nfc')) body = body.normalize('NFC')
  return body
}

/** The `attributes-non-object-dropped` fault: only a JSON object is kept. */
const objectOnly = (attributes: string): string => (/^\s*\{/.test(attributes) ? attributes : '{}')

const listRules = (app: App) => ({
  opaqueTokens: app.variants.on('opaque-page-tokens'),
  clampPageSize: app.variants.on('page-size-clamp'),
  orderCaseSensitive: app.faults.on('order-case-sensitive'),
  ignorePageSize: app.faults.on('page-size-ignored'),
  ...(app.faults.on('page-size-default-20') ? { defaultPageSize: 20 } : {}),
  ...(app.faults.on('page-size-unbounded') || app.variants.on('page-size-max-1000') ? { maxPageSize: 1000 } : {}),
  ...(app.faults.on('page-size-limitless') ? { maxPageSize: Number.MAX_SAFE_INTEGER } : {}),
  pageEchoed: app.variants.on('page-echoed'),
  orderInvalidDescending: app.faults.on('order-invalid-descending'),
  pageSizeParseInt: app.faults.on('page-size-parse-int'),
  pageUnvalidated: app.faults.on('page-unvalidated'),
  ignorePage: app.faults.on('page-number-stuck'),
  pageTokenUnchecked: app.faults.on('page-token-unchecked'),
  pageZeroRefused: app.faults.on('page-zero-refused'),
})

/** The `extra-properties` variant: fields a client must ignore. */
const extraProperties = (app: App) => (app.variants.on('extra-properties') ? { x_conformance_extra: { note: 'unknown property', n: 1 } } : {})

const pagingFaults = (app: App): PagingFaults => ({
  opaqueTokens: app.variants.on('opaque-page-tokens'),
  nextShift: app.faults.on('pages-overlap') ? -1 : app.faults.on('pages-skip') ? 1 : 0,
  noNext: app.faults.on('next-url-missing'),
  nextOnLast: app.faults.on('next-url-on-last-page'),
  previousOnFirst: app.faults.on('previous-url-on-first-page'),
  firstIsCurrent: app.faults.on('first-page-url-is-current'),
  previousNever: app.faults.on('previous-url-null-on-later-pages'),
  omitPageZero: app.faults.on('page-zero-refused'),
  dropSentQuery: app.faults.on('page-urls-drop-query'),
})

/** The `page-urls-foreign-origin` fault: the host name of the machine behind the proxy, leaked into the page URLs. */
const FOREIGN_PAGE_ORIGIN = 'http://conversations.internal:8080'

/** The `list-other-conversations` fault: a few messages of every other conversation. */
function otherConversationsMessages(app: App, conversation: Conversation): Message[] {
  const others: Message[] = []
  for (const c of app.store.allConversations()) if (c !== conversation && c.messages.size > 0) others.push(c.messages.at(0)!)
  return others.slice(0, 5)
}

/** Validates a create; under the `rejected-create-stored` fault an invalid one is stored before it is refused. */
function readCreateOrStoreAnyway(req: Request, app: App, conversation: Conversation): MessageCreate {
  try {
    return readCreateParams(writeForm(req.form(), app), bodyRules(app))
  } catch (err) {
    if (app.faults.on('rejected-create-stored')) {
      const now = app.store.now()
      const body = req.form().get('Body') ?? null
      app.store.addMessage(conversation, {
        author: 'system', body, mediaSid: null, contentSid: null, contentVariables: null, subject: null,
        attributes: '{}', participantSid: null, dateCreated: now, dateUpdated: now,
      })
    }
    throw err
  }
}

const create =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    webhookHeader(req, app, 'create')
    const input = readCreateOrStoreAnyway(req, app, conversation)
    if (app.variants.on('media-content-must-exist')) refuseUnknownMediaAndContent(input, app)
    if (app.faults.on('media-and-content-refused') && (input.mediaSid !== undefined || input.contentSid !== undefined)) throw invalidParameter('MediaSid and ContentSid are not supported')
    const author = (app.faults.on('author-ignored') ? undefined : app.faults.on('author-trimmed') ? input.author?.trim() : input.author) ?? (app.faults.on('author-default-empty') ? '' : 'system')
    const dateCreated = (app.faults.on('date-created-ignored') ? undefined : input.dateCreated) ?? app.store.now()
    // unknown-media-stored: the existence check of the media and the template runs only after the message is stored.
    const storeThenRefuse = app.faults.on('unknown-media-stored') && namesUnknown(input, app)
    const message = app.store.addMessage(conversation, {
      author,
      body: storedBody(app, input.body ?? null), // readCreateParams already dropped Body and MediaSid under a ContentSid
      mediaSid: app.faults.on('media-sid-ignored') ? null : (input.mediaSid ?? null),
      contentSid: app.faults.on('content-sid-dropped') ? null : (input.contentSid ?? null),
      contentVariables: input.contentVariables ?? null,
      subject: input.subject ?? null,
      attributes: (app.faults.on('attributes-non-object-dropped') && input.attributes !== undefined ? objectOnly(input.attributes) : input.attributes) ?? (app.faults.on('attributes-null') ? null : '{}'),
      participantSid: participantSidFor(app, conversation, author),
      dateCreated,
      // A message that was never edited has date_updated == date_created.
      dateUpdated: (app.faults.on('date-updated-ignored') ? undefined : input.dateUpdated) ?? dateCreated,
    }, app.faults.on('index-by-count') ? 'by-count' : app.faults.on('first-index-1') ? 'from-one' : app.faults.on('index-from-clock') ? 'clock' : app.variants.on('index-gaps') ? 'gaps' : 'counter')
    message.dateUpdatedSet = input.dateUpdated !== undefined
    if (storeThenRefuse) refuseUnknownMediaAndContent(input, app)
    if (app.faults.on('list-stale-after-update') || app.faults.on('service-fetch-stale-after-update')) message.asCreated = { ...message }
    return { status: app.faults.on('create-200') ? 200 : 201, body: renderMessage(message, scope, app.render) }
  }

const list =
  (scope: Scope): Handler =>
  (req, app) => {
    const named = conversationFor(req, app, scope)
    const query = readListQuery(req.query(), listRules(app))
    // page-token-any-conversation: a token pages the conversation it was handed out for, whatever the path names.
    const conversation = (app.faults.on('page-token-any-conversation') ? tokenOwner(app, req.query().get('PageToken')) : undefined) ?? named
    const descending = query.order === 'desc' ? !app.faults.on('order-desc-ignored') : query.order === undefined && app.faults.on('list-default-desc')
    const faults = pagingFaults(app)
    // Under `list-lag` the list is read from a replica behind the writes; without it this is the log itself.
    const slice = slicePage(conversation.messages.lagged(), app.faults.on('page-size-capped-50') ? { ...query, pageSize: Math.min(query.pageSize, 50) } : query, descending, faults)
    if (app.faults.on('list-other-conversations')) slice.items.push(...otherConversationsMessages(app, conversation))
    if (app.faults.on('list-omits-newest')) slice.items = slice.items.filter((m) => m !== conversation.messages.at(conversation.messages.size - 1))
    const base = (app.faults.on('page-urls-foreign-origin') ? FOREIGN_PAGE_ORIGIN : app.render.origin) + messagesPath(conversation, scope)
    const shown = app.faults.on('list-stale-after-update') ? slice.items.map((m) => m.asCreated ?? m) : slice.items
    if (app.faults.on('page-token-any-conversation') && slice.nextToken !== null) rememberToken(app, encodePageToken(slice.nextToken, app.variants.on('opaque-page-tokens')), conversation)
    return {
      status: 200,
      body: {
        meta: { ...pageMeta(base, app.faults.on('meta-key-wrong') ? 'items' : 'messages', query, slice, faults), ...extraProperties(app) },
        messages: shown.map((m) => renderMessage(m, scope, app.render)),
        ...extraProperties(app),
      },
    }
  }

const fetch =
  (scope: Scope): Handler =>
  (req, app) => {
    const found = messageFor(req, app, conversationFor(req, app, scope))
    // service-fetch-stale-after-update: the service route reads a cache filled at create and never refreshed.
    const message = scope === 'service' && app.faults.on('service-fetch-stale-after-update') ? (found.asCreated ?? found) : found
    const body = renderMessage(message, scope, app.render)
    return { status: 200, body: app.faults.on('fetch-attributes-default') ? { ...body, attributes: '{}' } : body }
  }

const update =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    const message = messageFor(req, app, conversation)
    const before = { ...message } // for a lagged list, which still shows this state for a while
    webhookHeader(req, app, 'update')
    const form = updateForm(req, app)
    if (app.faults.on('update-not-atomic')) {
      applyValidFieldsFirst(form, app, message)
      conversation.messages.edited(message, before)
    }
    // Validate everything before touching the message, so a rejected update changes nothing.
    const edit = readUpdateParams(form, bodyRules(app))
    if (app.faults.on('update-resets-omitted')) resetOmitted(app, conversation, message, edit)
    if (app.faults.on('update-dates-ignored')) {
      delete edit.dateCreated
      delete edit.dateUpdated
    }
    if (app.faults.on('update-touches-date-created')) message.dateCreated = app.store.now()
    if (!app.faults.on('update-noop')) {
      if (edit.author !== undefined) {
        message.author = edit.author
        if (!app.faults.on('update-author-keeps-participant-sid')) message.participantSid = participantSidFor(app, conversation, edit.author)
      }
      if (edit.body !== undefined) message.body = app.faults.on('update-body-trimmed') ? edit.body.trim() : edit.body
      if (edit.attributes !== undefined) message.attributes = edit.attributes
      if (edit.subject !== undefined) message.subject = edit.subject
      if (edit.dateCreated !== undefined) message.dateCreated = edit.dateCreated
      // Only under the update-applies-media-sid and update-applies-content-sid faults does an update carry these.
      if (edit.mediaSid !== undefined) message.mediaSid = edit.mediaSid
      if (edit.contentSid !== undefined) message.contentSid = edit.contentSid
      const stamp = app.faults.on('update-keeps-date-updated') ? message.dateUpdated : app.store.now() - (app.faults.on('update-date-updated-local-time') ? 5 * 3600 : 0)
      message.dateUpdated = edit.dateUpdated ?? stamp
      message.dateUpdatedSet = true
      conversation.messages.edited(message, before)
    }
    return { status: 200, body: renderMessage(message, scope, app.render) }
  }

const remove =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    const sid = req.params['message'] ?? ''
    if (app.faults.on('delete-idempotent') && conversation.messages.get(sid) === undefined) return { status: 204 }
    // delete-unknown-204: a well-formed SID that matches no row, live or deleted, is "deleted" all the same.
    if (app.faults.on('delete-unknown-204') && isSid('IM', sid) && conversation.messages.get(sid) === undefined && conversation.messages.getDeleted(sid) === undefined) return { status: 204 }
    const message = messageFor(req, app, conversation)
    // delete-webhook-header-after-delete: the header is validated only after the message is gone.
    const headerAfterWrite = app.faults.on('delete-webhook-header-after-delete')
    if (!headerAfterWrite) webhookHeader(req, app, 'delete')
    // delete-removes-neighbour: the delete removes a range ending at the message, one too long (an off-by-one).
    const before = app.faults.on('delete-removes-neighbour') ? conversation.messages.before(message) : undefined
    conversation.messages.remove(message.sid, app.faults.on('delete-still-listed'))
    if (before !== undefined) conversation.messages.remove(before.sid, false)
    if (headerAfterWrite) webhookHeader(req, app, 'delete')
    if (app.faults.on('delete-200-body')) return { status: 200, body: renderMessage(message, scope, app.render) }
    return { status: 204 }
  }

/** The update's form; under `update-form-charset-ignored` a Content-Type with parameters gives none (create is unaffected). */
function updateForm(req: Request, app: App): Params {
  if (app.faults.on('update-form-charset-ignored') && (req.header('content-type') ?? '').includes(';')) return new Map()
  return writeForm(req.form(), app)
}

/** The `update-not-atomic` fault: each field is written as soon as it is valid, before the whole update is checked. */
function applyValidFieldsFirst(form: Params, app: App, message: Message): void {
  const tryField = (name: string, apply: (edit: ReturnType<typeof readUpdateParams>) => void) => {
    const value = form.get(name)
    if (value === undefined) return
    try {
      apply(readUpdateParams(new Map([[name, value]]), bodyRules(app)))
    } catch {
      // this field is invalid; the full validation below refuses the update, after the others were written
    }
  }
  tryField('Body', (e) => (message.body = e.body ?? message.body))
  tryField('Attributes', (e) => (message.attributes = e.attributes ?? message.attributes))
  tryField('Author', (e) => (message.author = e.author ?? message.author))
}

/** The `update-resets-omitted` fault: an update replaces the message, so what it does not give goes back to the default. */
function resetOmitted(app: App, conversation: Conversation, message: Message, edit: ReturnType<typeof readUpdateParams>): void {
  if (edit.author === undefined) {
    message.author = 'system'
    message.participantSid = participantSidFor(app, conversation, 'system')
  }
  if (edit.attributes === undefined) message.attributes = '{}'
  if (edit.body === undefined) message.body = null
}

function messageRoutes(prefix: string, scope: Scope): RouteDef[] {
  return [
    { pattern: `${prefix}/Messages`, handlers: { POST: create(scope), GET: list(scope) } },
    { pattern: `${prefix}/Messages/:message`, handlers: { GET: fetch(scope), POST: update(scope), DELETE: remove(scope) } },
  ]
}

export const messageRouteDefs: RouteDef[] = [
  ...messageRoutes('/v1/Conversations/:conversation', 'default'),
  ...messageRoutes('/v1/Services/:service/Conversations/:conversation', 'service'),
]
