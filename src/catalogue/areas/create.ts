import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req, CHAT_BODY_LIMIT } from './define.ts'

/**
 * The Message page sets no size for Attributes; the Conversations limits page gives message Attributes 4KB. Both
 * readings are conformant: Attributes well past 4KB are stored or refused, and which one is observed.
 */
const ATTRIBUTES_LIMIT = {
  qualifiedBy: [
    {
      ref: DOC.limits,
      quote: 'Conversation Message Attributes: 4KB',
      allows: 'Attributes over 4KB refused with a validation error (Twilio error 50303); up to 4,000 bytes always accepted',
    },
  ],
}

export const CREATE: readonly Requirement[] = [
  // Create
  req('msg.create.status-201', 'must', 'openapi', DOC.create, 'Create answers 201 Created with the new message as JSON'),
  req('msg.create.body-round-trip', 'must', 'docs', DOC.create,
    'Any Body of 1 to 1,600 characters (unicode, emoji, combining marks, right-to-left text, newlines) is stored and read back exactly'),
  req('msg.create.body-form-characters', 'must', 'docs', DOC.create,
    'A Body containing %, +, &, = and line breaks round-trips exactly (form encoding is decoded once, correctly)'),
  req('msg.create.body-max-length', 'must', 'docs', DOC.create, 'A Body of exactly 1,600 characters is accepted', CHAT_BODY_LIMIT),
  req('msg.create.body-over-limit', 'must', 'docs', DOC.create,
    'A Body over the limit is rejected with a 4xx Twilio error: over 1,600 characters, or (the chat limit) accepted up to 32 KiB and rejected beyond', CHAT_BODY_LIMIT),
  req('msg.create.body-limit-in-characters', 'must', 'docs', DOC.create,
    'The Body limit counts characters, not bytes: 1,600 two- and three-byte characters are accepted; astral characters count as one code point or two UTF-16 units', CHAT_BODY_LIMIT),
  req('msg.create.author', 'must', 'docs', DOC.create, 'Author is stored and returned as author'),
  req('msg.create.attributes', 'must', 'docs', DOC.create,
    'Attributes holding a JSON object are stored and returned as a string encoding the same value; a JSON value other than an object (an array, a string, a number, true) is stored the same way or refused as a validation error that stores nothing, and null may also read as not set (attributes "{}")', {
      qualifiedBy: [{ ref: DOC.attributes, quote: 'the field value is a JSON object', allows: 'a JSON value other than an object refused as a validation error, and null read as not set ("{}")' }],
    }),
  req('msg.create.attributes-any-json', 'should', 'docs', DOC.create,
    'Attributes holding any structurally valid JSON value, not only an object (an array, a string, a number, true, null), are stored and returned as a string encoding the same value'),
  req('msg.create.attributes-invalid', 'must', 'docs', DOC.create,
    'Attributes that are not structurally valid JSON are rejected with a 4xx Twilio error'),
  req('msg.create.attributes-size', 'must', 'docs', DOC.create,
    'Attributes of 4,000 bytes of JSON are accepted and read back; Attributes of 16 KiB are either accepted and read back (the Message page sets no limit) or rejected as a validation error (the limits page: 4KB)', ATTRIBUTES_LIMIT),
  req('msg.create.date-created', 'must', 'openapi', DOC.create, 'DateCreated sets date_created to that instant'),
  req('msg.create.date-updated', 'must', 'openapi', DOC.create, 'DateUpdated sets date_updated to that instant'),
  req('msg.create.date-invalid', 'should', 'openapi', DOC.create,
    'A DateCreated or DateUpdated that is not an RFC 3339 date-time is rejected with a 4xx Twilio error'),
  req('msg.create.media-sid', 'must', 'docs', DOC.create,
    'Media that exists, given by MediaSid, is attached with or without a Body (Body is optional): media lists an object with its sid, content_type, filename and size (for media the check uploaded: the type, byte count and name of the upload), and a create without Body has body null; a MediaSid that names no media is accepted or refused (any 4xx, 404 included), and a refusal stores nothing. Judged only on real media (--media-sid, or uploaded where the target allows)'),
  req('msg.create.media-sid-pattern', 'must', 'openapi', DOC.create,
    'A MediaSid that does not match ^ME[0-9a-fA-F]{32}$ is rejected with a 4xx Twilio error'),
  req('msg.create.content-sid', 'must', 'docs', DOC.create,
    'A ContentSid of a Content template that exists, with valid ContentVariables, is accepted and returned as content_sid; a ContentSid that names no template is accepted or refused (any 4xx, 404 included), and a refusal stores nothing. Judged only on a real template (--content-sid, or made where the target allows)'),
  req('msg.create.content-variables-invalid', 'must', 'docs', DOC.create,
    'ContentVariables that are not structurally valid JSON, with the ContentSid of a Content template that exists, are rejected as a validation error (a 4xx other than 401, 403, 404, 405, 429), and the same create with valid ContentVariables is accepted: the refusal is about the variables'),
  req('msg.create.content-sid-pattern', 'must', 'openapi', DOC.create,
    'A ContentSid that does not match ^HX[0-9a-fA-F]{32}$ is rejected with a 4xx Twilio error'),
  req('msg.create.content-sid-ignores-body', 'must', 'docs', DOC.create,
    'With the ContentSid of a Content template that exists, a Body and the MediaSid of media that exists are ignored: the create is accepted with that content_sid, body is not the given Body, and media does not list the given MediaSid'),
  req('msg.create.no-content', 'should', 'observed', DOC.create,
    'A create with none of Body, MediaSid and ContentSid is rejected as a validation error (Twilio error 50503 "Message body not provided")'),
  req('msg.create.subject', 'must', 'docs', DOC.create, 'A Subject of up to 256 characters is accepted'),
  req('msg.create.subject-over-limit', 'should', 'docs', DOC.create,
    'A Subject over 256 characters is rejected with a 4xx Twilio error'),
  req('msg.create.webhook-header', 'must', 'openapi', DOC.create,
    'X-Twilio-Webhook-Enabled: true and false are both accepted on create'),
  req('msg.create.webhook-header-invalid', 'should', 'openapi', DOC.create,
    'An X-Twilio-Webhook-Enabled value other than true or false (the header\'s enum), under any spelling of the header name, is rejected as a validation error'),
  req('msg.create.client-encodings', 'must', 'openapi', DOC.create,
    'A create encoded as mainstream clients encode it (twilio-node, twilio-python, twilio-java, curl, a browser fetch, jQuery) stores the same message: Content-Type application/x-www-form-urlencoded with or without a charset parameter (as each of them writes it); a space as + or %20; parameters in any order; header names as each writes them (as given, or in lower case)'),
  req('msg.create.content-type-case-insensitive', 'should', 'openapi', DOC.create,
    'A create sent with the form media type in mixed case (Application/X-WWW-Form-Urlencoded; Charset=utf-8, which RFC 9110 makes equivalent, though no mainstream client writes it) stores the same message'),
  req('msg.create.unknown-conversation', 'must', 'docs', DOC.create,
    'Creating a message in a conversation that does not exist (a well-formed CH SID that names none) answers 404 with a Twilio error and creates nothing'),
  req('msg.create.empty-values', 'must', 'openapi', DOC.create,
    'DateCreated, DateUpdated, Attributes, MediaSid, ContentSid or ContentVariables given as an empty string, or an empty X-Twilio-Webhook-Enabled header, is either read as not given (the message is stored with the documented default: dates of the time of the create, attributes "{}", media null, content_sid null, the Body as sent) or refused as a validation error that stores nothing; never a 5xx, never a stored value that is not a date or not JSON'),
  req('msg.create.rejected-leaves-nothing', 'must', 'docs', DOC.create,
    'A rejected create (any invalid input) leaves the conversation unchanged'),
  req('msg.create.concurrent-index', 'must', 'docs', DOC.properties,
    'A burst of concurrent creates in one conversation gives each message an index of its own ("will always be in order of when the message was received"): the list reports them in strictly increasing index order, with the index each create answered'),
]
