import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req } from './define.ts'

export const DELETE: readonly Requirement[] = [
  // Delete
  req('msg.delete.status-204-empty', 'must', 'openapi', DOC.delete, 'Delete answers 204 No Content with an empty body'),
  req('msg.delete.use-after-free', 'must', 'docs', DOC.delete, 'After delete, fetching the message answers 404 with a Twilio error body'),
  req('msg.delete.update-after-delete', 'must', 'docs', DOC.delete, 'After delete, updating the message answers 404 with a Twilio error'),
  req('msg.delete.delete-twice', 'must', 'docs', DOC.delete, 'Deleting a message a second time answers 404 with a Twilio error'),
  req('msg.delete.gone-from-list', 'must', 'docs', DOC.delete, 'After delete, the message no longer appears in the list'),
  req('msg.delete.webhook-header', 'must', 'openapi', DOC.delete, 'X-Twilio-Webhook-Enabled: true and false are both accepted on delete'),
  req('msg.delete.unknown-sid', 'must', 'docs', DOC.delete,
    'Deleting a well-formed IM SID that never named a message answers 404 with a Twilio error'),
  req('msg.delete.malformed-sid', 'must', 'openapi', DOC.delete,
    'Deleting a near miss of an existing message SID (not matching ^IM[0-9a-fA-F]{32}$) answers 404 (or 400) with a Twilio error, never 2xx or 5xx, and the message is still there'),
]
