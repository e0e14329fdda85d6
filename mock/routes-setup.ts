// The resources a message needs to exist: services, the account configuration, conversations and
// participants. Only the operations a conformance run uses for setup, cleanup and counting what it
// left behind are implemented.
import { conflict, invalidParameter, notFound } from './errors.ts'
import { listReply } from './listing.ts'
import { findConversation, findService } from './lookup.ts'
import { SortedArray } from './paging.ts'
import { conversationPath, renderConfiguration, renderConversation, renderParticipant, renderService, type Scope } from './representation.ts'
import type { App, Handler, RouteDef } from './router.ts'
import { byCreationOrder, type Conversation } from './store.ts'
import { jsonText, readConversationFilters } from './validation.ts'

const createService: Handler = (req, app) => {
  const friendlyName = req.form().get('FriendlyName')
  if (friendlyName === undefined) throw invalidParameter('FriendlyName is required')
  return { status: 201, body: renderService(app.store.createService(friendlyName), app.render) }
}

const listServices: Handler = (req, app) =>
  listReply(req, app, { path: '/v1/Services', key: 'services', items: app.store.listServices(), render: (s) => renderService(s, app.render) })

const fetchService: Handler = (req, app) => ({ status: 200, body: renderService(findService(req, app), app.render) })

const deleteService: Handler = (req, app) => {
  const service = findService(req, app)
  // Deleting the default service would leave /v1/Conversations with nowhere to create into.
  if (service.sid === app.store.defaultServiceSid) throw invalidParameter('The default Conversation Service cannot be deleted')
  app.store.deleteService(service.sid)
  return { status: 204 }
}

const fetchConfiguration: Handler = (_req, app) => ({ status: 200, body: renderConfiguration(app.store.defaultServiceSid, app.render) })

const createConversation =
  (scope: Scope): Handler =>
  (req, app) => {
    const serviceSid = scope === 'service' ? findService(req, app).sid : app.store.defaultServiceSid
    const form = req.form()
    const uniqueName = form.get('UniqueName') ?? null
    const attributes = form.get('Attributes')
    // A unique name can stand in for the SID in paths, so it must be unique within its service.
    if (uniqueName !== null && app.store.findByUniqueName(serviceSid, uniqueName) !== undefined) {
      throw conflict(50353, 'Conversation with provided unique name already exists')
    }
    const conversation = app.store.createConversation(serviceSid, {
      friendlyName: form.get('FriendlyName') ?? null,
      uniqueName,
      attributes: attributes === undefined ? '{}' : jsonText('Attributes', attributes),
    })
    return { status: 201, body: renderConversation(conversation, scope, app.render) }
  }

/** Every conversation is `active` here: none is ever closed or left to go inactive. */
const matchesFilters = (c: Conversation, f: ReturnType<typeof readConversationFilters>): boolean =>
  (f.state === undefined || f.state === 'active') &&
  (f.startDate === undefined || c.dateCreated >= f.startDate) &&
  (f.endDate === undefined || c.dateCreated <= f.endDate)

/** The conversations of the default service (short scope) or of the service in the path, oldest first. */
const listConversations =
  (scope: Scope): Handler =>
  (req, app) => {
    const serviceSid = scope === 'service' ? findService(req, app).sid : app.store.defaultServiceSid
    const filters = readConversationFilters(req.query())
    const conversations = app.store.listConversations(serviceSid).filter((c) => matchesFilters(c, filters))
    return listReply(req, app, {
      path: scope === 'service' ? `/v1/Services/${serviceSid}/Conversations` : '/v1/Conversations',
      key: 'conversations',
      items: new SortedArray(conversations, byCreationOrder),
      render: (c) => renderConversation(c, scope, app.render),
      // The OpenAPI file: "If this filter is used, the returned list is sorted by latest conversation creation date in descending order."
      descending: filters.startDate !== undefined || filters.endDate !== undefined,
      filters: filters.echo,
    })
  }

const fetchConversation =
  (scope: Scope): Handler =>
  (req, app) => ({ status: 200, body: renderConversation(findConversation(req, app, scope), scope, app.render) })

const deleteConversation =
  (scope: Scope): Handler =>
  (req, app) => {
    app.store.deleteConversation(findConversation(req, app, scope).sid)
    return { status: 204 }
  }

const createParticipant =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = findConversation(req, app, scope)
    const form = req.form()
    // Participants can also be SMS/WhatsApp bindings; this server models chat identities only.
    const identity = form.get('Identity')
    if (identity === undefined || identity === '') throw invalidParameter('Identity is required')
    if (app.store.participantByIdentity(conversation, identity) !== undefined) {
      throw conflict(50433, 'Participant already exists')
    }
    const attributes = form.get('Attributes')
    const participant = app.store.addParticipant(conversation, {
      identity,
      attributes: attributes === undefined ? '{}' : jsonText('Attributes', attributes),
    })
    if (app.conditions.on('auto-users')) ensureUser(app, conversation.serviceSid, identity)
    return { status: 201, body: renderParticipant(participant, scope, app.render) }
  }

/** The `auto-users` condition: the real service creates a User for a new chat identity, and keeps it. */
function ensureUser(app: App, serviceSid: string, identity: string): void {
  if (app.store.userByIdentity(serviceSid, identity) !== undefined) return
  app.store.createUser(serviceSid, { identity, friendlyName: null, attributes: '{}', roleSid: null })
}

const listParticipants =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = findConversation(req, app, scope)
    return listReply(req, app, {
      path: `${conversationPath(conversation, scope)}/Participants`,
      key: 'participants',
      items: app.store.listParticipants(conversation),
      render: (p) => renderParticipant(p, scope, app.render),
    })
  }

const fetchParticipant =
  (scope: Scope): Handler =>
  (req, app) => {
    const participant = findConversation(req, app, scope).participants.get(req.params['participant'] ?? '')
    if (participant === undefined) throw notFound(req.path)
    return { status: 200, body: renderParticipant(participant, scope, app.render) }
  }

const deleteParticipant =
  (scope: Scope): Handler =>
  (req, app) => {
    const conversation = findConversation(req, app, scope)
    if (!conversation.participants.delete(req.params['participant'] ?? '')) throw notFound(req.path)
    return { status: 204 }
  }

const SERVICE_CONVERSATION = '/v1/Services/:service/Conversations/:conversation'

export const setupRoutes: RouteDef[] = [
  { pattern: '/v1/Services', handlers: { POST: createService, GET: listServices } },
  { pattern: '/v1/Services/:service', handlers: { GET: fetchService, DELETE: deleteService } },
  { pattern: '/v1/Configuration', handlers: { GET: fetchConfiguration } },
  { pattern: '/v1/Conversations', handlers: { POST: createConversation('default'), GET: listConversations('default') } },
  { pattern: '/v1/Conversations/:conversation', handlers: { GET: fetchConversation('default'), DELETE: deleteConversation('default') } },
  { pattern: '/v1/Services/:service/Conversations', handlers: { POST: createConversation('service'), GET: listConversations('service') } },
  { pattern: SERVICE_CONVERSATION, handlers: { GET: fetchConversation('service'), DELETE: deleteConversation('service') } },
  { pattern: '/v1/Conversations/:conversation/Participants', handlers: { POST: createParticipant('default'), GET: listParticipants('default') } },
  { pattern: '/v1/Conversations/:conversation/Participants/:participant', handlers: { GET: fetchParticipant('default'), DELETE: deleteParticipant('default') } },
  { pattern: `${SERVICE_CONVERSATION}/Participants`, handlers: { POST: createParticipant('service'), GET: listParticipants('service') } },
  { pattern: `${SERVICE_CONVERSATION}/Participants/:participant`, handlers: { GET: fetchParticipant('service'), DELETE: deleteParticipant('service') } },
]
