// Conversations Users: /v1/Users (the default service) and /v1/Services/{IS}/Users. A conformance
// run never needs a User to send a message, but the real service creates one for every chat identity
// it sees (the `auto-users` condition), and a run that counts what it left behind must be able to
// find and delete them. A User is addressed by its SID or, as the OpenAPI file allows, its identity.
import { conflict, notFound } from './errors.ts'
import { listReply } from './listing.ts'
import { findService } from './lookup.ts'
import { renderUser, usersPath, type Scope } from './representation.ts'
import type { App, Handler, Request, RouteDef } from './router.ts'
import type { User } from './store.ts'
import { checkWebhookHeader, jsonText, readIdentity, roleSid } from './validation.ts'

function serviceSidFor(req: Request, app: App, scope: Scope): string {
  return scope === 'service' ? findService(req, app).sid : app.store.defaultServiceSid
}

function userFor(req: Request, app: App, scope: Scope): User {
  const user = app.store.findUser(serviceSidFor(req, app, scope), req.params['user'] ?? '')
  if (user === undefined) throw notFound(req.path)
  return user
}

const createUser =
  (scope: Scope): Handler =>
  (req, app) => {
    const serviceSid = serviceSidFor(req, app, scope)
    checkWebhookHeader(req.header('x-twilio-webhook-enabled'))
    const form = req.form()
    const identity = readIdentity(form)
    const attributes = form.get('Attributes')
    const role = form.get('RoleSid')
    const fields = {
      identity,
      friendlyName: form.get('FriendlyName') ?? null,
      attributes: attributes === undefined ? '{}' : jsonText('Attributes', attributes),
      roleSid: role === undefined ? null : roleSid(role),
    }
    // Identities are unique per service (they stand in for the SID in paths).
    if (app.store.userByIdentity(serviceSid, identity) !== undefined) throw conflict(50201, 'User already exists')
    return { status: 201, body: renderUser(app.store.createUser(serviceSid, fields), scope, app.render) }
  }

const listUsers =
  (scope: Scope): Handler =>
  (req, app) => {
    const serviceSid = serviceSidFor(req, app, scope)
    return listReply(req, app, {
      path: usersPath(serviceSid, scope),
      key: 'users',
      items: app.store.listUsers(serviceSid),
      render: (u) => renderUser(u, scope, app.render),
    })
  }

const fetchUser =
  (scope: Scope): Handler =>
  (req, app) => ({ status: 200, body: renderUser(userFor(req, app, scope), scope, app.render) })

/** FriendlyName, Attributes and RoleSid; all are validated before any is written. */
const updateUser =
  (scope: Scope): Handler =>
  (req, app) => {
    const user = userFor(req, app, scope)
    checkWebhookHeader(req.header('x-twilio-webhook-enabled'))
    const form = req.form()
    const friendlyName = form.get('FriendlyName')
    const attributes = form.get('Attributes')
    const role = form.get('RoleSid')
    const checked = { attributes: attributes === undefined ? undefined : jsonText('Attributes', attributes), role: role === undefined ? undefined : roleSid(role) }
    if (friendlyName !== undefined) user.friendlyName = friendlyName
    if (checked.attributes !== undefined) user.attributes = checked.attributes
    if (checked.role !== undefined) user.roleSid = checked.role
    user.dateUpdated = app.store.now()
    return { status: 200, body: renderUser(user, scope, app.render) }
  }

const deleteUser =
  (scope: Scope): Handler =>
  (req, app) => {
    const user = userFor(req, app, scope)
    checkWebhookHeader(req.header('x-twilio-webhook-enabled'))
    app.store.deleteUser(user.sid)
    return { status: 204 }
  }

function userRoutes(prefix: string, scope: Scope): RouteDef[] {
  return [
    { pattern: `${prefix}/Users`, handlers: { POST: createUser(scope), GET: listUsers(scope) } },
    { pattern: `${prefix}/Users/:user`, handlers: { GET: fetchUser(scope), POST: updateUser(scope), DELETE: deleteUser(scope) } },
  ]
}

export const userRouteDefs: RouteDef[] = [...userRoutes('/v1', 'default'), ...userRoutes('/v1/Services/:service', 'service')]
