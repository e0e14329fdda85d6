// The resources a message needs to exist: services, the account configuration, conversations and
// participants. Only the operations a conformance run uses for setup and cleanup are implemented.
import { conflict, invalidParameter, notFound } from './errors.ts'
import { findConversation, findService } from './lookup.ts'
import { renderConfiguration, renderConversation, renderParticipant, renderService, type Scope } from './representation.ts'
import type { Handler, RouteDef } from './router.ts'
import { jsonText } from './validation.ts'

const createService: Handler = (req, app) => {
  const friendlyName = req.form().get('FriendlyName')
  if (friendlyName === undefined) throw invalidParameter('FriendlyName is required')
  return { status: 201, body: renderService(app.store.createService(friendlyName), app.render) }
}

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
    return { status: 201, body: renderParticipant(participant, scope, app.render) }
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
  { pattern: '/v1/Services', handlers: { POST: createService } },
  { pattern: '/v1/Services/:service', handlers: { GET: fetchService, DELETE: deleteService } },
  { pattern: '/v1/Configuration', handlers: { GET: fetchConfiguration } },
  { pattern: '/v1/Conversations', handlers: { POST: createConversation('default') } },
  { pattern: '/v1/Conversations/:conversation', handlers: { GET: fetchConversation('default'), DELETE: deleteConversation('default') } },
  { pattern: '/v1/Services/:service/Conversations', handlers: { POST: createConversation('service') } },
  { pattern: SERVICE_CONVERSATION, handlers: { GET: fetchConversation('service'), DELETE: deleteConversation('service') } },
  { pattern: '/v1/Conversations/:conversation/Participants', handlers: { POST: createParticipant('default') } },
  { pattern: '/v1/Conversations/:conversation/Participants/:participant', handlers: { GET: fetchParticipant('default'), DELETE: deleteParticipant('default') } },
  { pattern: `${SERVICE_CONVERSATION}/Participants`, handlers: { POST: createParticipant('service') } },
  { pattern: `${SERVICE_CONVERSATION}/Participants/:participant`, handlers: { GET: fetchParticipant('service'), DELETE: deleteParticipant('service') } },
]
