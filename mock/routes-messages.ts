// The ten documented Message operations: create, list, fetch, update and delete, each in the
// default scope (/v1/Conversations/{CH}/Messages) and the service scope
// (/v1/Services/{IS}/Conversations/{CH}/Messages). The two scopes share every handler and differ
// only in how the conversation is found and how URLs are rendered.
import { notFound } from './errors.ts'
import { findConversation } from './lookup.ts'
import { pageMeta, slicePage } from './paging.ts'
import { messagesPath, renderMessage, type Scope } from './representation.ts'
import type { App, Handler, Request, RouteDef } from './router.ts'
import type { Conversation, Message } from './store.ts'
import { nowSeconds } from './time.ts'
import { checkWebhookHeader, readCreateParams, readListQuery, readUpdateParams } from './validation.ts'

function conversationFor(req: Request, app: App, scope: Scope): Conversation {
  if (scope === 'service' && app.faults.on('no-service-scope')) throw notFound(req.path)
  return findConversation(req, app, scope)
}

/** A message of this conversation. A SID of another conversation, or a malformed one, is simply not here: 404. */
function messageFor(req: Request, app: App, conversation: Conversation): Message {
  const sid = req.params['message'] ?? ''
  const message = conversation.messages.get(sid) ?? (app.faults.on('fetch-after-delete') && req.method === 'GET' ? conversation.messages.getDeleted(sid) : undefined)
  if (message === undefined) throw notFound(req.path)
  return message
}

/** participant_sid is the author's participant in this conversation, if the author is one (null for "system"). */
function participantSidFor(app: App, conversation: Conversation, author: string): string | null {
  return app.store.participantByIdentity(conversation, author)?.sid ?? null
}

const bodyRules = (app: App) => ({ enforceBodyLimit: !app.faults.on('body-limit-ignored') })

const create =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    checkWebhookHeader(req.header('x-twilio-webhook-enabled'))
    const input = readCreateParams(req.form(), bodyRules(app))
    const author = input.author ?? (app.faults.on('author-default-empty') ? '' : 'system')
    const dateCreated = input.dateCreated ?? nowSeconds()
    const message = app.store.addMessage(conversation, {
      author,
      body: input.body ?? null, // readCreateParams already dropped Body and MediaSid under a ContentSid
      mediaSid: input.mediaSid ?? null,
      contentSid: input.contentSid ?? null,
      contentVariables: input.contentVariables ?? null,
      subject: input.subject ?? null,
      attributes: input.attributes ?? (app.faults.on('attributes-null') ? null : '{}'),
      participantSid: participantSidFor(app, conversation, author),
      dateCreated,
      // A message that was never edited has date_updated == date_created.
      dateUpdated: input.dateUpdated ?? dateCreated,
    })
    return { status: app.faults.on('create-200') ? 200 : 201, body: renderMessage(message, scope, app.render) }
  }

const list =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    const query = readListQuery(req.query(), { clampPageSize: app.variants.on('page-size-clamp') })
    const descending = query.order === 'desc' && !app.faults.on('order-desc-ignored')
    const slice = slicePage(conversation.messages, query, descending)
    const base = app.render.origin + messagesPath(conversation, scope)
    return {
      status: 200,
      body: { meta: pageMeta(base, 'messages', query, slice), messages: slice.items.map((m) => renderMessage(m, scope, app.render)) },
    }
  }

const fetch =
  (scope: Scope): Handler =>
  (req, app) => {
    const message = messageFor(req, app, conversationFor(req, app, scope))
    return { status: 200, body: renderMessage(message, scope, app.render) }
  }

const update =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    const message = messageFor(req, app, conversation)
    checkWebhookHeader(req.header('x-twilio-webhook-enabled'))
    // Validate everything before touching the message, so a rejected update changes nothing.
    const edit = readUpdateParams(req.form(), bodyRules(app))
    if (!app.faults.on('update-noop')) {
      if (edit.author !== undefined) {
        message.author = edit.author
        message.participantSid = participantSidFor(app, conversation, edit.author)
      }
      if (edit.body !== undefined) message.body = edit.body
      if (edit.attributes !== undefined) message.attributes = edit.attributes
      if (edit.subject !== undefined) message.subject = edit.subject
      if (edit.dateCreated !== undefined) message.dateCreated = edit.dateCreated
      message.dateUpdated = edit.dateUpdated ?? nowSeconds()
    }
    return { status: 200, body: renderMessage(message, scope, app.render) }
  }

const remove =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = conversationFor(req, app, scope)
    const message = messageFor(req, app, conversation)
    checkWebhookHeader(req.header('x-twilio-webhook-enabled'))
    conversation.messages.remove(message.sid)
    if (app.faults.on('delete-200-body')) return { status: 200, body: renderMessage(message, scope, app.render) }
    return { status: 204 }
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
