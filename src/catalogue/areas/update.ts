import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req, CHAT_BODY_LIMIT } from './define.ts'

export const UPDATE: readonly Requirement[] = [
  // Update
  req('msg.update.applies-changes', 'must', 'docs', DOC.update, 'Update answers 200 with the message changed as requested'),
  req('msg.update.only-given-fields', 'must', 'docs', DOC.update, 'Fields not given in an update keep their values'),
  req('msg.update.identity-stable', 'must', 'docs', DOC.update, 'sid, index and date_created do not change in an update that does not give them'),
  req('msg.update.date-updated-advances', 'must', 'docs', DOC.update,
    'An edit stamps date_updated: afterwards it is later than the date_updated before the edit (seeded in the past) and not earlier than date_created'),
  req('msg.update.dates', 'must', 'openapi', DOC.update, 'DateCreated and DateUpdated given in an update are applied'),
  req('msg.update.validation', 'must', 'docs', DOC.update,
    'An update with a Body over the limit (over 32 KiB, beyond both readings) or Attributes that are not JSON is rejected with a 4xx Twilio error and changes nothing', CHAT_BODY_LIMIT),
  req('msg.update.unknown-sid', 'must', 'docs', DOC.update, 'Updating a well-formed IM SID in lower-case hex (as Twilio issues SIDs) that names no message answers 404 with a Twilio error'),
  req('msg.update.webhook-header', 'must', 'openapi', DOC.update, 'X-Twilio-Webhook-Enabled: true and false are both accepted on update'),
  req('msg.update.malformed-sid', 'must', 'openapi', DOC.update,
    'Updating a near miss of an existing message SID (not matching ^IM[0-9a-fA-F]{32}$) answers 404 (or 400) with a Twilio error, never 2xx or 5xx, and the message is unchanged'),
  req('msg.update.field-limits', 'must', 'docs', DOC.update,
    'Update accepts the bounds create accepts: a Body of exactly 1,600 characters and a Subject of 256 characters, read back as sent; Attributes holding a JSON array are read back as sent or refused as a validation error that changes nothing (the Attributes page: "a JSON object")'),
  req('msg.update.participant-sid-follows-author', 'should', 'docs', DOC.properties,
    'After an update of Author, participant_sid is the participant whose identity is the new Author, or null when the new Author is no participant of the conversation'),
  req('msg.update.create-only-fields', 'must', 'openapi', DOC.update,
    'Update has no MediaSid or ContentSid: sent to update they are ignored or rejected as a validation error, and the message never gains that media or content_sid'),
  req('msg.update.content-type-case-insensitive', 'should', 'openapi', DOC.update,
    'An update sent with the form media type in mixed case (Application/X-WWW-Form-Urlencoded; Charset=utf-8, which RFC 9110 makes equivalent, though no mainstream client writes it) changes the message as the same update sent plainly'),
  req('msg.update.unknown-conversation', 'must', 'docs', DOC.update,
    'Updating a message through a conversation that does not exist (a well-formed CH SID that names none, with the SID of a message that exists in another conversation) answers 404 with a Twilio error and changes no message'),
  req('msg.update.date-invalid', 'should', 'openapi', DOC.update,
    'A DateCreated or DateUpdated that is not an RFC 3339 date-time is rejected on update as a validation error (a 4xx other than 401, 403, 404, 405, 429), and the message is unchanged'),
  req('msg.update.empty-values', 'must', 'openapi', DOC.update,
    'DateCreated, DateUpdated or Attributes given as an empty string in an update, or an empty X-Twilio-Webhook-Enabled header, is either read as not given (the edit applied, date_created and attributes kept, date_updated stamped with the time of the edit; an empty Attributes may also reset attributes to the documented default "{}") or refused as a validation error that changes nothing; never a 5xx, never a stored value that is not a date or not JSON'),
  req('msg.update.webhook-header-invalid', 'should', 'openapi', DOC.update,
    'An X-Twilio-Webhook-Enabled value other than true or false (the header\'s enum), under any spelling of the header name, is rejected on update as a validation error, and the message is unchanged'),
  req('msg.update.subject-over-limit', 'should', 'docs', DOC.update,
    'A Subject over 256 characters is rejected on update with a 4xx Twilio error'),
  req('msg.update.client-encodings', 'must', 'openapi', DOC.update,
    'An update encoded as mainstream clients encode it (twilio-node, twilio-python, twilio-java, curl, a browser fetch, jQuery) changes the message as the same update sent plainly: with or without a charset parameter (as each of them writes it), a space as + or %20, parameters in any order, header names as each writes them (as given, or in lower case)'),
]
