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
  req('msg.delete.unknown-conversation', 'must', 'docs', DOC.delete,
    'Deleting a message through a conversation that does not exist (a well-formed CH SID that names none, with the SID of a message that exists in another conversation) answers 404 with a Twilio error and deletes nothing'),
  req('msg.delete.webhook-header-invalid', 'should', 'openapi', DOC.delete,
    'An X-Twilio-Webhook-Enabled value other than true or false (the header\'s enum), under any spelling of the header name, is rejected on delete as a validation error, and the message is still there'),
  req('msg.delete.webhook-header-empty', 'must', 'openapi', DOC.delete,
    'An empty X-Twilio-Webhook-Enabled header on delete is either read as not given (the message is deleted) or refused as a validation error (the message is still there); never a 5xx'),
]
