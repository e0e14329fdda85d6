import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req, SERVICE_SCOPE_ONLY } from './define.ts'

export const SCOPES: readonly Requirement[] = [
  // Scopes
  req('msg.scopes.same-messages', 'must', 'docs', DOC.scopes,
    'The default and the service-scoped routes show the same messages for a conversation of the default service'),
  req('msg.scopes.other-service', 'must', 'docs', DOC.scopes,
    'A conversation addressed through a service it does not belong to answers 404 with a Twilio error', SERVICE_SCOPE_ONLY),
  req('msg.scopes.unknown-service', 'must', 'docs', DOC.scopes,
    'A well-formed IS SID that names no service answers 404 with a Twilio error for list, fetch and create, and the create stores nothing', SERVICE_SCOPE_ONLY),
  req('msg.scopes.malformed-service-sid', 'must', 'openapi', DOC.scopes,
    'A service SID that does not match ^IS[0-9a-fA-F]{32}$ (a near miss of the real one) answers 404 (or 400) with a Twilio error, never 2xx or 5xx', SERVICE_SCOPE_ONLY),
]
