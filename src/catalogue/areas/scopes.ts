import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req, SERVICE_SCOPE_ONLY } from './define.ts'

export const SCOPES: readonly Requirement[] = [
  // Scopes
  req('msg.scopes.same-messages', 'must', 'docs', DOC.scopes,
    'The default and the service-scoped routes show the same messages for a conversation of the default service'),
  req('msg.scopes.other-service', 'must', 'docs', DOC.scopes,
    'A conversation addressed through a service it does not belong to answers 404 with a Twilio error', SERVICE_SCOPE_ONLY),
]
