// Resolving the resources a path names. Every miss is the same 404 naming the request path, as
// Twilio does: the client learns that the URL names nothing, not which part of it was wrong.
import { notFound } from './errors.ts'
import { isSid } from './sids.ts'
import type { Scope } from './representation.ts'
import type { App, Request } from './router.ts'
import type { Conversation, Service } from './store.ts'

export function findService(req: Request, app: App): Service {
  const service = app.store.getService(req.params['service'] ?? '')
  if (service === undefined) throw notFound(req.path)
  return service
}

/**
 * The service a message route names. Its faults: `unknown-service-is-default` (a well-formed SID that names no
 * service falls back to the default one) and `service-sid-case-insensitive` (a lookup that ignores case).
 */
function findMessageService(req: Request, app: App): Service {
  const key = req.params['service'] ?? ''
  const found = app.store.getService(key)
  if (found !== undefined) return found
  if (app.faults.on('service-sid-case-insensitive')) {
    for (let i = 0, services = app.store.listServices(); i < services.size; i++) {
      const s = services.at(i)!
      if (s.sid.toLowerCase() === key.toLowerCase()) return s
    }
  }
  if (app.faults.on('unknown-service-is-default') && isSid('IS', key)) {
    const fallback = app.store.getService(app.store.defaultServiceSid)
    if (fallback !== undefined) return fallback
  }
  throw notFound(req.path)
}

/**
 * The conversation in `req.params.conversation`. In the service scope it must belong to the
 * service in the path. The short (default) scope reaches a conversation of any service by SID,
 * which is what the doc's "shortened URL" gives a single-service account and costs nothing more.
 */
export function findConversation(req: Request, app: App, scope: Scope): Conversation {
  return conversationIn(req, app, scope, findService)
}

/** The conversation a message route names: as findConversation, its service found with the service lookup faults. */
export function findMessageConversation(req: Request, app: App, scope: Scope): Conversation {
  return conversationIn(req, app, scope, findMessageService)
}

function conversationIn(req: Request, app: App, scope: Scope, serviceOf: (req: Request, app: App) => Service): Conversation {
  const key = req.params['conversation'] ?? ''
  const serviceSid = scope === 'service' ? serviceOf(req, app).sid : undefined
  const conversation =
    serviceSid === undefined || app.faults.on('service-scope-ignores-service') ? app.store.findConversation(key) : app.store.findConversation(key, serviceSid)
  if (conversation === undefined) throw notFound(req.path)
  return conversation
}
