import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req, CHAT_BODY_LIMIT } from './define.ts'

export const UPDATE: readonly Requirement[] = [
  // Update
  req('msg.update.applies-changes', 'must', 'docs', DOC.update, 'Update answers 200 with the message changed as requested'),
  req('msg.update.only-given-fields', 'must', 'docs', DOC.update, 'Fields not given in an update keep their values'),
  req('msg.update.identity-stable', 'must', 'docs', DOC.update, 'sid, index and date_created do not change in an update that does not give them'),
  req('msg.update.date-updated-advances', 'must', 'docs', DOC.update,
    'After an update date_updated is set and not earlier than before the update or than date_created'),
  req('msg.update.dates', 'must', 'openapi', DOC.update, 'DateCreated and DateUpdated given in an update are applied'),
  req('msg.update.validation', 'must', 'docs', DOC.update,
    'An update with a Body over the limit (over 32 KiB, beyond both readings) or Attributes that are not JSON is rejected with a 4xx Twilio error and changes nothing', CHAT_BODY_LIMIT),
  req('msg.update.unknown-sid', 'must', 'docs', DOC.update, 'Updating a message that does not exist answers 404 with a Twilio error'),
  req('msg.update.webhook-header', 'must', 'openapi', DOC.update, 'X-Twilio-Webhook-Enabled: true and false are both accepted on update'),
  req('msg.update.malformed-sid', 'must', 'openapi', DOC.update,
    'Updating a near miss of an existing message SID (not matching ^IM[0-9a-fA-F]{32}$) answers 404 (or 400) with a Twilio error, never 2xx or 5xx, and the message is unchanged'),
]
