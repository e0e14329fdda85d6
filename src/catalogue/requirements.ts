import { DOC } from './links.ts'
import type { Level, Requirement, Source } from './types.ts'

/** Compact constructor: the table below reads as one requirement per line group. */
function req(id: string, level: Level, source: Source, ref: string, summary: string, extra: Partial<Requirement> = {}): Requirement {
  return { id, level, source, ref, summary, ...extra }
}

/**
 * The Message page says a Body "can be up to 1,600 characters long"; the Conversations limits page says that is the
 * SMS and WhatsApp limit and a chat message may be up to 32KB. The suite's conversations are chat-only, so both
 * limits are conformant; and "characters" may be counted as UTF-16 code units or as code points.
 */
const CHAT_BODY_LIMIT = {
  qualifiedBy: [
    {
      ref: DOC.limits,
      quote: 'Conversation Message Body — Outbound: depends on channel: WhatsApp and SMS: 1600 Characters; Chat: 32KB',
      allows: 'a Body over 1,600 characters accepted, up to the chat limit of 32 KiB; beyond it a 4xx (Twilio error 50504)',
    },
  ],
}

/** Only the service-scoped routes name a service, so only they can show it or name the wrong one. */
const SERVICE_SCOPE_ONLY = { scopes: ['service'] } as const

/**
 * The catalogue: every behaviour the suite checks, one entry each. Checks cite these IDs; the lint
 * (src/catalogue/lint.ts, run by `npm test`) fails when a check cites an unknown ID or a `must` requirement has no
 * check. `docs/requirements.md` is generated from this table (`npm run docs:requirements`).
 */
export const REQUIREMENTS: readonly Requirement[] = [
  // Representation: what every response that carries a message looks like.
  req('msg.representation.schema', 'must', 'docs', DOC.properties,
    'Every message a response carries validates against the Message schema of its scope (types, nullability, SID patterns, RFC 3339 dates)'),
  req('msg.representation.sids', 'must', 'docs', DOC.properties,
    'sid (IM), account_sid (AC) and conversation_sid (CH) are present, 34 characters, prefix plus 32 hex digits of either case'),
  req('msg.representation.account-sid', 'must', 'docs', DOC.properties,
    'account_sid is the account whose credentials made the request'),
  req('msg.representation.conversation-sid', 'must', 'docs', DOC.properties,
    'conversation_sid is the conversation named in the request path'),
  req('msg.representation.chat-service-sid', 'must', 'openapi', DOC.scopes,
    'A message read through the service-scoped route carries chat_service_sid equal to the service in the path', SERVICE_SCOPE_ONLY),
  req('msg.representation.dates', 'must', 'docs', DOC.properties,
    'date_created is an RFC 3339 date-time with a time zone; date_updated is one too, or null when the message was never edited'),
  req('msg.representation.url-self', 'must', 'docs', DOC.properties,
    "url is the message's own absolute URL: its path ends in /Conversations/{CH}/Messages/{IM} and fetching it returns the message"),
  req('msg.representation.links', 'must', 'docs', DOC.properties,
    'links hold delivery_receipts (url + /Receipts) and channel_metadata (url + /ChannelMetadata)'),
  req('msg.representation.attributes-json', 'must', 'docs', DOC.properties,
    'attributes is a string that holds structurally valid JSON'),
  req('msg.representation.attributes-default', 'must', 'docs', DOC.properties,
    'attributes is "{}" when the message was created without Attributes'),
  req('msg.representation.author-default', 'must', 'docs', DOC.properties,
    'author is "system" when the message was created without Author'),
  req('msg.representation.participant-sid-system', 'must', 'docs', DOC.properties,
    'participant_sid is null for a message sent as system'),
  req('msg.representation.participant-sid-author', 'must', 'docs', DOC.properties,
    "participant_sid is the author participant's MB SID when Author is the identity of a participant of the conversation"),
  req('msg.representation.media-null', 'must', 'docs', DOC.properties,
    'media is null for a message without media'),
  req('msg.representation.delivery', 'must', 'docs', DOC.properties,
    'delivery is null or the delivery summary object (total, sent, delivered, read, failed, undelivered)'),
  req('msg.representation.content-sid-null', 'must', 'docs', DOC.properties,
    'content_sid is null for a message created without ContentSid'),
  req('msg.representation.json-content-type', 'must', 'docs', DOC.page,
    'Responses carrying a message or a page are served as application/json'),

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
    'Attributes holding any JSON value are stored and returned as a string encoding the same value'),
  req('msg.create.attributes-invalid', 'must', 'docs', DOC.create,
    'Attributes that are not structurally valid JSON are rejected with a 4xx Twilio error'),
  req('msg.create.date-created', 'must', 'openapi', DOC.create, 'DateCreated sets date_created to that instant'),
  req('msg.create.date-updated', 'must', 'openapi', DOC.create, 'DateUpdated sets date_updated to that instant'),
  req('msg.create.date-invalid', 'should', 'openapi', DOC.create,
    'A DateCreated that is not an RFC 3339 date-time is rejected with a 4xx Twilio error'),
  req('msg.create.media-sid', 'must', 'docs', DOC.create,
    'A MediaSid is attached: media lists an object with that sid, content_type, filename and size (or the create is refused with a 4xx when the media does not exist)'),
  req('msg.create.media-sid-pattern', 'must', 'openapi', DOC.create,
    'A MediaSid that does not match ^ME[0-9a-fA-F]{32}$ is rejected with a 4xx Twilio error'),
  req('msg.create.content-sid', 'must', 'docs', DOC.create,
    'A ContentSid with ContentVariables is returned as content_sid (or refused with a 4xx when the template does not exist)'),
  req('msg.create.content-sid-pattern', 'must', 'openapi', DOC.create,
    'A ContentSid that does not match ^HX[0-9a-fA-F]{32}$ is rejected with a 4xx Twilio error'),
  req('msg.create.content-sid-ignores-body', 'must', 'docs', DOC.create,
    'With ContentSid set, Body and MediaSid are ignored: body is not the given Body and media does not list the given MediaSid'),
  req('msg.create.subject', 'must', 'docs', DOC.create, 'A Subject of up to 256 characters is accepted'),
  req('msg.create.subject-over-limit', 'should', 'docs', DOC.create,
    'A Subject over 256 characters is rejected with a 4xx Twilio error'),
  req('msg.create.webhook-header', 'must', 'openapi', DOC.create,
    'X-Twilio-Webhook-Enabled: true and false are both accepted on create'),
  req('msg.create.rejected-leaves-nothing', 'must', 'docs', DOC.create,
    'A rejected create (any invalid input) leaves the conversation unchanged'),

  // Fetch
  req('msg.fetch.returns-created', 'must', 'docs', DOC.fetch, 'Fetch answers 200 with the same representation that create returned'),
  req('msg.fetch.unknown-sid', 'must', 'docs', DOC.fetch,
    'Fetching a well-formed IM SID that does not exist answers 404 with a Twilio error'),
  req('msg.fetch.malformed-sid', 'must', 'openapi', DOC.fetch,
    'Fetching a SID that does not match ^IM[0-9a-fA-F]{32}$ answers 404 (or 400) with a Twilio error, never 2xx or 5xx'),
  req('msg.fetch.other-conversation', 'must', 'docs', DOC.fetch,
    "A message fetched through another conversation's path answers 404 with a Twilio error"),
  req('msg.fetch.unknown-conversation', 'must', 'docs', DOC.fetch,
    'Messages of a conversation that does not exist answer 404 with a Twilio error'),

  // List
  req('msg.list.contains-created', 'must', 'docs', DOC.list, 'List answers 200 with a page whose messages include a message just created'),
  req('msg.list.default-order', 'must', 'openapi', DOC.list, 'Without Order, messages are listed in ascending index order'),
  req('msg.list.order-desc', 'must', 'openapi', DOC.list, 'Order=desc lists messages in descending index order'),
  req('msg.list.order-case-insensitive', 'must', 'openapi', DOC.list,
    'Order is matched case-insensitively: any casing of asc and desc gives the same order'),
  req('msg.list.page-size', 'must', 'openapi', DOC.list,
    'PageSize n (1 to 100) gives pages of at most n messages (exactly n while more follow) and meta.page_size n'),
  req('msg.list.page-size-default', 'must', 'openapi', DOC.list, 'Without PageSize, meta.page_size is 50'),
  req('msg.list.page-size-out-of-range', 'must', 'openapi', DOC.list,
    'PageSize 0 or over 100 is rejected with a 4xx Twilio error or clamped into 1 to 100; a page never holds more than 100 messages'),
  req('msg.list.meta', 'must', 'docs', DOC.list,
    'meta carries page, page_size, first_page_url, previous_page_url, url, next_page_url and key "messages"'),
  req('msg.list.first-page-previous-null', 'must', 'docs', DOC.paging, 'previous_page_url is null on the first page'),
  req('msg.list.last-page-next-null', 'must', 'docs', DOC.paging, 'next_page_url is null on the last page'),
  req('msg.list.first-page-url', 'must', 'docs', DOC.paging, 'first_page_url leads back to the first page'),
  req('msg.list.paging-partition', 'must', 'docs', DOC.paging,
    'For any PageSize, following next_page_url yields every message exactly once, in order'),
  req('msg.list.index-increasing', 'must', 'docs', DOC.properties,
    'index strictly increases in order of receipt (gaps are allowed), also for messages created concurrently'),
  req('msg.list.isolation', 'must', 'docs', DOC.list, 'Messages of other conversations never appear in a list'),

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

  // Delete
  req('msg.delete.status-204-empty', 'must', 'openapi', DOC.delete, 'Delete answers 204 No Content with an empty body'),
  req('msg.delete.use-after-free', 'must', 'docs', DOC.delete, 'After delete, fetching the message answers 404 with a Twilio error body'),
  req('msg.delete.update-after-delete', 'must', 'docs', DOC.delete, 'After delete, updating the message answers 404 with a Twilio error'),
  req('msg.delete.delete-twice', 'must', 'docs', DOC.delete, 'Deleting a message a second time answers 404 with a Twilio error'),
  req('msg.delete.gone-from-list', 'must', 'docs', DOC.delete, 'After delete, the message no longer appears in the list'),
  req('msg.delete.webhook-header', 'must', 'openapi', DOC.delete, 'X-Twilio-Webhook-Enabled: true and false are both accepted on delete'),

  // Errors
  req('msg.errors.format', 'must', 'docs', DOC.errors,
    'Every error is JSON with code, message, more_info and status, and status equals the HTTP status'),
  req('msg.errors.not-found-code', 'should', 'observed', DOC.errors, 'A 404 carries Twilio error code 20404'),
  req('msg.errors.more-info', 'should', 'observed', DOC.errors, 'more_info is https://www.twilio.com/docs/errors/{code}'),

  // Auth
  req('msg.auth.no-credentials', 'must', 'docs', DOC.auth,
    'Every message operation without credentials is refused with 401 and Twilio error 20003, and does nothing'),
  req('msg.auth.wrong-credentials', 'must', 'docs', DOC.auth,
    'Every message operation with a wrong auth token is refused with 401 and Twilio error 20003, and does nothing'),

  // Scopes
  req('msg.scopes.same-messages', 'must', 'docs', DOC.scopes,
    'The default and the service-scoped routes show the same messages for a conversation of the default service'),
  req('msg.scopes.other-service', 'must', 'docs', DOC.scopes,
    'A conversation addressed through a service it does not belong to answers 404 with a Twilio error', SERVICE_SCOPE_ONLY),

  // Stateful
  req('msg.stateful.model', 'must', 'docs', DOC.page,
    'Any sequence of create, fetch, list, update and delete agrees with a model of one conversation'),
]

const byId = new Map(REQUIREMENTS.map((r) => [r.id, r]))

export function findRequirement(id: string): Requirement | undefined {
  return byId.get(id)
}

/** Requirements whose ID starts with any of the prefixes (all when none are given). */
export function selectRequirements(prefixes: readonly string[]): Requirement[] {
  if (prefixes.length === 0) return [...REQUIREMENTS]
  return REQUIREMENTS.filter((r) => prefixes.some((p) => r.id.startsWith(p)))
}
