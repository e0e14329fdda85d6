/**
 * Which constraints of the model (constraints.ts) each requirement of the catalogue exercises, read from its check in
 * suites/; the constraints the suite deliberately does not judge, each with the reason; and the constraints nothing
 * exercises yet, each with the requirement expected to close the gap.
 *
 * Adding a requirement is one line in EXERCISES. A constraint ID may end in (or hold) `*`, which matches any run of
 * characters; test/coverage.test.ts fails when an entry names an unknown requirement or matches no constraint.
 * "Exercises" means the check sends the request the constraint is about and fails when the server breaks it; a check
 * that only happens to send such a request (every check sends credentials) is mapped once, to the requirement whose
 * check states it.
 */

/** The four responses that carry a message (src/harness/views.ts): the representation checks judge each of them. */
const views = (...properties: string[]): string[] =>
  properties.flatMap((p) => [`create.response.201.body.${p}`, `fetch.response.200.body.${p}`, `update.response.200.body.${p}`, `list.response.200.body.messages[].${p}`])

/** Every operation's version of a constraint: `everyOperation('security.credentials.none')`. */
const everyOperation = (rest: string): string[] => ['create', 'list', 'fetch', 'update', 'delete'].map((op) => `${op}.${rest}`)

export const EXERCISES: Readonly<Record<string, readonly string[]>> = {
  // Added with the requirements of the spec-coverage work (a parameter's other side, later pages, the other half of
  // the credentials, the service SID).
  'msg.list.meta-every-page': [
    'relation.meta.page.counts-up', 'relation.meta.previous_page_url.leads-to-previous', 'relation.meta.key.names-array', 'relation.meta.page_size.echoes-PageSize',
    'relation.meta.url.this-page', 'relation.meta.first_page_url.leads-to-first', 'relation.meta.next_page_url.null-on-last', 'relation.meta.previous_page_url.null-on-first',
  ],
  'msg.list.page-url-origin': ['list.response.200.body.meta.url', 'list.response.200.body.meta.first_page_url', 'list.response.200.body.meta.next_page_url', 'list.response.200.body.meta.previous_page_url'],
  'msg.list.order-invalid': ['list.query.Order.enum.other', 'list.query.Order.empty'],
  'msg.list.page-size-invalid': ['list.query.PageSize.type.wrong', 'list.query.PageSize.empty'],
  'msg.list.page-invalid': ['list.query.Page.minimum.under', 'list.query.Page.type.wrong', 'list.query.Page.empty'],
  'msg.list.page-token-invalid': ['list.query.PageToken.not-issued'],
  'msg.update.malformed-sid': ['update.path.Sid.pattern.miss', 'update.path.Sid.minLength.under', 'update.path.Sid.maxLength.over'],
  'msg.delete.malformed-sid': ['delete.path.Sid.pattern.miss', 'delete.path.Sid.minLength.under', 'delete.path.Sid.maxLength.over'],
  'msg.delete.unknown-sid': ['delete.path.Sid.unknown'],
  'msg.auth.wrong-username': everyOperation('security.username.wrong'),
  'msg.scopes.unknown-service': everyOperation('path.ChatServiceSid.unknown'),
  'msg.scopes.malformed-service-sid': ['pattern.miss', 'minLength.under', 'maxLength.over'].flatMap((facet) => everyOperation(`path.ChatServiceSid.${facet}`)),
  // Client encodings, the other side of create and update parameters, update's own limits and relations.
  'msg.create.client-encodings': ['create.request.content-type', 'create.form.Body.valid', 'create.form.Author.valid', 'create.form.Attributes.valid'],
  'msg.update.client-encodings': ['update.request.content-type', 'update.form.Body.valid', 'update.form.Author.valid', 'update.form.Attributes.valid'],
  'msg.create.content-variables-invalid': ['create.form.ContentVariables.json.malformed'],
  'msg.create.attributes-size': ['create.form.Attributes.valid'],
  'msg.create.webhook-header-invalid': ['create.header.X-Twilio-Webhook-Enabled.enum.other'],
  'msg.update.field-limits': ['update.form.Body.maxLength.at', 'update.form.Subject.valid', 'update.form.Subject.maxLength.at', 'update.form.Attributes.valid'],
  'msg.update.participant-sid-follows-author': ['update.form.Author.valid', 'relation.participant_sid.from-author.after-update', 'relation.participant_sid.null-for-system.after-update'],
  'msg.update.create-only-fields': ['relation.update.keeps.media', 'relation.update.keeps.content_sid'],
  // The lower bound of Page, a conversation that names nothing, update's date format and Subject limit, invalid and empty values.
  'msg.list.page-zero': ['list.query.Page.minimum.at'],
  'msg.create.unknown-conversation': ['create.path.ConversationSid.unknown'],
  'msg.update.unknown-conversation': ['update.path.ConversationSid.unknown'],
  'msg.delete.unknown-conversation': ['delete.path.ConversationSid.unknown'],
  'msg.update.date-invalid': ['update.form.DateCreated.format.wrong', 'update.form.DateUpdated.format.wrong'],
  'msg.update.subject-over-limit': ['update.form.Subject.maxLength.over'],
  'msg.update.webhook-header-invalid': ['update.header.X-Twilio-Webhook-Enabled.enum.other'],
  'msg.delete.webhook-header-invalid': ['delete.header.X-Twilio-Webhook-Enabled.enum.other'],
  // The empty value read as not given, or refused: the requirement accepts either (the doc gives no reaction).
  'msg.create.empty-values': [
    ...['DateCreated', 'DateUpdated', 'Attributes', 'MediaSid', 'ContentSid', 'ContentVariables'].map((f) => `create.form.${f}.empty`),
    'create.header.X-Twilio-Webhook-Enabled.empty',
  ],
  'msg.update.empty-values': [...['DateCreated', 'DateUpdated', 'Attributes'].map((f) => `update.form.${f}.empty`), 'update.header.X-Twilio-Webhook-Enabled.empty'],
  'msg.delete.webhook-header-empty': ['delete.header.X-Twilio-Webhook-Enabled.empty'],
  // The Message page's own readings, where another Twilio page allows more (issue 17): shoulds beside the musts.
  'msg.list.page-size-max-100': ['list.query.PageSize.maximum.over'],
  'msg.create.attributes-any-json': ['create.form.Attributes.valid'],
  'msg.create.content-type-case-insensitive': ['create.request.content-type'],
  'msg.update.content-type-case-insensitive': ['update.request.content-type'],

  // Representation: create, fetch, update and the list item, each judged (views.ts).
  'msg.representation.schema': ['create.response.201.body.*', 'fetch.response.200.body.*', 'update.response.200.body.*', 'list.response.200.body.*'],
  'msg.representation.sids': views('sid', 'account_sid', 'conversation_sid'),
  'msg.representation.account-sid': [...views('account_sid'), 'relation.account_sid.from-credentials', 'relation.update.keeps.account_sid'],
  'msg.representation.conversation-sid': [...views('conversation_sid'), 'relation.conversation_sid.from-path', 'relation.update.keeps.conversation_sid'],
  'msg.representation.chat-service-sid': [...views('chat_service_sid'), 'relation.chat_service_sid.from-path', 'relation.update.keeps.chat_service_sid'],
  'msg.representation.dates': [...views('date_created', 'date_updated'), 'create.form.DateCreated.omitted', 'create.form.DateUpdated.omitted'],
  'msg.representation.url-self': [...views('url'), 'relation.url.self', 'relation.update.keeps.url'],
  'msg.representation.links': [...views('links'), 'relation.links.delivery_receipts.from-url', 'relation.update.keeps.links'],
  'msg.representation.links-channel-metadata': [...views('links'), 'relation.links.channel_metadata.from-url'],
  'msg.representation.delivery-receipts-link': ['create.response.201.body.links', 'relation.links.delivery_receipts.from-url'],
  'msg.representation.attributes-json': views('attributes'),
  'msg.representation.attributes-default': [...views('attributes'), 'create.form.Attributes.omitted', 'update.form.Attributes.omitted'],
  'msg.representation.author-default': [...views('author'), 'create.form.Author.omitted', 'update.form.Author.omitted'],
  'msg.representation.participant-sid-system': [...views('participant_sid'), 'relation.participant_sid.null-for-system.after-create'],
  'msg.representation.participant-sid-author': [...views('participant_sid'), 'relation.participant_sid.from-author.after-create'],
  'msg.representation.media-null': [...views('media'), 'create.form.MediaSid.omitted', 'relation.media.null-without-media'],
  'msg.representation.delivery': views('delivery'),
  'msg.representation.content-sid-null': [...views('content_sid'), 'create.form.ContentSid.omitted'],
  'msg.representation.json-content-type': ['create.response.201.content-type', 'fetch.response.200.content-type', 'update.response.200.content-type', 'list.response.200.content-type'],

  // Create
  'msg.create.status-201': [
    'create.response.201.status', 'create.path.ConversationSid.valid', 'create.path.ChatServiceSid.valid', 'create.security.credentials.valid', 'create.request.content-type',
    'create.header.X-Twilio-Webhook-Enabled.omitted', 'create.form.DateCreated.omitted', 'create.form.DateUpdated.omitted', 'create.form.ContentVariables.omitted', 'create.form.Subject.omitted',
  ],
  'msg.create.body-round-trip': ['create.form.Body.valid', 'relation.create.shown-by-fetch'],
  'msg.create.body-form-characters': ['create.request.content-type', 'create.form.Body.valid'],
  'msg.create.body-max-length': ['create.form.Body.maxLength.at'],
  'msg.create.body-over-limit': ['create.form.Body.maxLength.over'],
  'msg.create.body-limit-in-characters': ['create.form.Body.maxLength.at'],
  'msg.create.author': ['create.form.Author.valid'],
  'msg.create.attributes': ['create.form.Attributes.valid'],
  'msg.create.attributes-invalid': ['create.form.Attributes.json.malformed'],
  'msg.create.date-created': ['create.form.DateCreated.valid'],
  'msg.create.date-updated': ['create.form.DateUpdated.valid'],
  'msg.create.date-invalid': ['create.form.DateCreated.format.wrong', 'create.form.DateUpdated.format.wrong'],
  // Sends the MediaSid with a Body and without one: where the media is accepted, the create without Body must be too.
  'msg.create.media-sid': ['create.form.MediaSid.valid', 'create.form.Body.omitted'],
  // nearMissSid: a wrong or lower-case prefix, a digit too few (33 characters) or too many (35), a non-hex digit, padding.
  'msg.create.media-sid-pattern': ['create.form.MediaSid.pattern.miss', 'create.form.MediaSid.minLength.under', 'create.form.MediaSid.maxLength.over'],
  'msg.create.content-sid': ['create.form.ContentSid.valid', 'create.form.ContentVariables.valid'],
  'msg.create.content-sid-pattern': ['create.form.ContentSid.pattern.miss', 'create.form.ContentSid.minLength.under', 'create.form.ContentSid.maxLength.over'],
  'msg.create.content-sid-ignores-body': ['relation.ContentSid.ignores.Body', 'relation.ContentSid.ignores.MediaSid'],
  'msg.create.subject': ['create.form.Subject.valid', 'create.form.Subject.maxLength.at'],
  'msg.create.subject-over-limit': ['create.form.Subject.maxLength.over'],
  'msg.create.webhook-header': ['create.header.X-Twilio-Webhook-Enabled.enum.each'],
  // The "changes nothing" half of each refusal it provokes.
  'msg.create.rejected-leaves-nothing': ['create.form.Body.maxLength.over', 'create.form.Attributes.json.malformed', 'create.form.MediaSid.pattern.miss', 'create.form.ContentSid.pattern.miss'],

  // Fetch
  'msg.fetch.returns-created': ['fetch.response.200.status', 'fetch.path.ConversationSid.valid', 'fetch.path.ChatServiceSid.valid', 'fetch.path.Sid.valid', 'fetch.security.credentials.valid', 'relation.create.shown-by-fetch'],
  'msg.fetch.unknown-sid': ['fetch.path.Sid.unknown'],
  // everyNearMissOf: among others a digit short (33 characters) and a digit extra (35).
  'msg.fetch.malformed-sid': ['fetch.path.Sid.pattern.miss', 'fetch.path.Sid.minLength.under', 'fetch.path.Sid.maxLength.over'],
  'msg.fetch.other-conversation': ['relation.fetch.only-this-conversation'],
  'msg.fetch.unknown-conversation': ['fetch.path.ConversationSid.unknown', 'list.path.ConversationSid.unknown'],

  // List and paging
  'msg.list.contains-created': ['list.response.200.status', 'list.path.ConversationSid.valid', 'list.path.ChatServiceSid.valid', 'list.security.credentials.valid', 'relation.create.shown-by-list'],
  'msg.list.default-order': ['list.query.Order.omitted'],
  'msg.list.order-desc': ['list.query.Order.enum.each'],
  'msg.list.page-urls-query': ['list.response.200.body.meta.url', 'list.response.200.body.meta.first_page_url', 'list.response.200.body.meta.next_page_url', 'list.query.PageSize.valid', 'list.query.Order.enum.each'],
  'msg.list.first-index-zero': ['create.response.201.body.index'],
  'msg.list.order-case-insensitive': ['list.query.Order.enum.each', 'list.query.Order.enum.case-insensitive'],
  'msg.list.page-size': ['list.query.PageSize.valid', 'list.query.PageSize.maximum.at', 'relation.meta.page_size.echoes-PageSize'],
  'msg.list.page-size-default': ['list.query.PageSize.omitted'],
  // Refused or clamped into 1..100: the doc states the range, not the reaction (the requirement accepts either).
  'msg.list.page-size-out-of-range': ['list.query.PageSize.minimum.under', 'list.query.PageSize.maximum.over'],
  // A list without Page and PageToken is the first page (meta.page 0).
  'msg.list.meta': ['list.response.200.body.meta.key', 'list.response.200.body.meta.page', 'list.response.200.body.meta.url', 'list.response.200.body.meta.first_page_url', 'relation.meta.key.names-array', 'relation.meta.url.this-page', 'relation.meta.page.zero-on-first', 'list.query.Page.omitted', 'list.query.PageToken.omitted'],
  'msg.list.first-page-previous-null': ['list.response.200.body.meta.previous_page_url', 'relation.meta.previous_page_url.null-on-first', 'list.query.PageSize.minimum.at'],
  'msg.list.last-page-next-null': ['list.response.200.body.meta.next_page_url', 'relation.meta.next_page_url.null-on-last'],
  'msg.list.first-page-url': ['list.response.200.body.meta.first_page_url', 'relation.meta.first_page_url.leads-to-first', 'list.query.PageSize.minimum.at'],
  // Follows next_page_url, so the PageToken it carries is one the API issued; Order in any casing.
  'msg.list.paging-partition': ['relation.meta.next_page_url.partition', 'list.response.200.body.meta.next_page_url', 'list.query.PageToken.valid', 'list.query.PageSize.valid', 'list.query.Order.enum.each', 'list.query.Order.enum.case-insensitive'],
  'msg.list.index-increasing': ['relation.index.order-of-receipt'],
  'msg.list.paging-past-default-page': ['relation.meta.next_page_url.partition', 'list.query.PageSize.valid', 'list.query.PageSize.minimum.at', 'list.query.PageSize.maximum.at', 'list.query.PageSize.omitted', 'list.query.PageToken.valid'],
  'msg.list.page-token-foreign': ['list.query.PageToken.valid', 'relation.list.only-this-conversation'],
  'msg.create.concurrent-index': ['relation.index.order-of-receipt', 'create.response.201.body.index'],
  'msg.list.isolation': ['relation.list.only-this-conversation'],

  // Update
  'msg.update.applies-changes': [
    'update.response.200.status', 'update.path.ConversationSid.valid', 'update.path.ChatServiceSid.valid', 'update.path.Sid.valid', 'update.security.credentials.valid', 'update.request.content-type',
    'update.header.X-Twilio-Webhook-Enabled.omitted', 'update.form.Body.valid', 'update.form.Attributes.valid', 'relation.update.shown-by-fetch', 'relation.update.shown-by-list', 'relation.update.keeps.sid',
  ],
  'msg.update.only-given-fields': ['update.form.Author.omitted', 'update.form.Body.omitted', 'update.form.Attributes.omitted'],
  'msg.update.identity-stable': ['relation.update.keeps.sid', 'relation.update.keeps.index', 'update.form.DateCreated.omitted'],
  'msg.update.date-updated-advances': ['relation.date_updated.set-after-update', 'update.form.DateUpdated.omitted'],
  'msg.update.dates': ['update.form.DateCreated.valid', 'update.form.DateUpdated.valid'],
  // The Body sent is over 32 KiB: over the limit under either reading the catalogue allows (1,600 characters, or the chat limit).
  'msg.update.validation': ['update.form.Body.maxLength.over', 'update.form.Attributes.json.malformed'],
  'msg.update.unknown-sid': ['update.path.Sid.unknown'],
  'msg.update.webhook-header': ['update.header.X-Twilio-Webhook-Enabled.enum.each'],

  // Delete
  'msg.delete.status-204-empty': [
    'delete.response.204.status', 'delete.response.204.empty', 'delete.path.ConversationSid.valid', 'delete.path.ChatServiceSid.valid', 'delete.path.Sid.valid', 'delete.security.credentials.valid',
    'delete.header.X-Twilio-Webhook-Enabled.omitted',
  ],
  'msg.delete.use-after-free': ['relation.delete.gone-from-fetch'],
  'msg.delete.update-after-delete': ['relation.delete.gone-from-update'],
  'msg.delete.delete-twice': ['relation.delete.gone-from-delete'],
  'msg.delete.gone-from-list': ['relation.delete.gone-from-list'],
  'msg.delete.webhook-header': ['delete.header.X-Twilio-Webhook-Enabled.enum.each'],

  // Errors: the shape of the refusals they provoke (suites/errors/provoke.ts), whatever status each gets.
  'msg.errors.format': ['fetch.path.Sid.unknown', 'create.form.Attributes.json.malformed', 'list.security.credentials.none'],
  'msg.errors.not-found-code': ['fetch.path.Sid.unknown', 'list.path.ConversationSid.unknown'],
  'msg.errors.more-info': ['fetch.path.Sid.unknown', 'create.form.Attributes.json.malformed', 'list.security.credentials.none'],

  // Auth: all five operations in each scope, and that nothing was done.
  'msg.auth.no-credentials': everyOperation('security.credentials.none'),
  'msg.auth.wrong-credentials': everyOperation('security.password.wrong'),

  // Scopes
  'msg.scopes.same-messages': ['relation.scopes.same-messages'],
  'msg.scopes.other-service': ['relation.scopes.conversation-in-service'],

  // Stateful: random sequences of create, fetch, update, delete and list (PageSize 1 to 4, asc or desc).
  'msg.stateful.model': [
    'create.form.Body.valid', 'update.form.Body.valid', 'relation.create.shown-by-fetch', 'relation.create.shown-by-list', 'relation.update.shown-by-fetch', 'relation.update.shown-by-list',
    'relation.delete.gone-from-fetch', 'relation.delete.gone-from-list', 'relation.meta.next_page_url.partition', 'list.query.PageSize.valid', 'list.query.Order.enum.each',
  ],
}

/**
 * Constraints the suite deliberately does not judge, and why. Only what it should not judge: a constraint that simply
 * has no check yet is a gap (KNOWN_GAPS), not a waiver.
 */
export const WAIVERS: Readonly<Record<string, string>> = {
  '*.response.*.header.Access-Control-*':
    'CORS headers the OpenAPI declares for browsers. The API is called server to server with a secret auth token (a browser must never hold one), and a mock or clone serves no browser: nothing a client of this API does depends on them.',
  'list.query.Page.valid':
    'Page is "simply for client state" (its description): it has no documented effect on what a page holds, so beyond being accepted (list.query.Page.minimum.at) there is nothing to judge.',
  'relation.date_updated.null-until-edited':
    'The doc says "`null` if the message has not been edited", but Twilio\'s own examples show date_updated equal to date_created for a message never edited: both readings are conformant, msg.representation.dates accepts either and records which it saw.',
  'update.form.Subject.omitted':
    'The message representation has no subject property (the spec\'s schema lacks one), so whether an update without Subject kept it cannot be observed.',
}

/**
 * Requirements whose fact is not a constraint of the OpenAPI model: behaviour the Message page or Twilio's other pages
 * state in prose, or that Twilio is observed to have. Each says where its fact comes from; the catalogue cites it.
 */
export const BEYOND_MODEL: Readonly<Record<string, string>> = {
  'msg.create.no-content':
    'Observed of Twilio (error 50503 "Message body not provided"): a message needs some content. The spec makes Body, MediaSid and ContentSid each optional and states nothing about leaving out all three.',
}

/**
 * What the checks that exercise a constraint accept, where that is more than its rule says: a reaction the doc leaves
 * open, or a reading another official Twilio page allows (the requirement cites it). By constraint pattern; the first
 * that matches wins, so a specific pattern comes before a general one. A covered constraint that matches none is
 * judged as its rule says. docs/coverage.md shows it on every row, so "refused" is never written where a check also
 * accepts "read as not given".
 */
export const ACCEPTS: Readonly<Record<string, string>> = {
  // Empty values: the doc gives no reaction to an empty value.
  'update.form.Attributes.empty':
    'read as not given (attributes kept, the rest of the edit applied), reset to the documented default "{}", or refused with a 4xx Twilio error that changes nothing; never a 5xx, never a stored value that is not JSON',
  'delete.header.X-Twilio-Webhook-Enabled.empty': 'read as not given (the message deleted) or refused with a 4xx Twilio error (the message still there); never a 5xx',
  '*.form.*.empty':
    'read as not given (the documented default, the rest of the request applied) or refused with a 4xx Twilio error that changes nothing; never a 5xx, never a stored value that is not a date or not JSON',
  '*.header.X-Twilio-Webhook-Enabled.empty': 'read as not given (the rest of the request applied) or refused with a 4xx Twilio error that changes nothing; never a 5xx',
  'list.query.Order.empty': 'refused with a 4xx Twilio error, or ignored (ascending order); never descending order, never a 5xx',
  'list.query.PageSize.empty': 'refused with a 4xx Twilio error, or ignored (meta.page_size 50); never a 5xx',
  'list.query.Page.empty': 'refused with a 4xx Twilio error, or ignored: the first page, meta.page 0; never a 5xx',
  // List parameters: the doc states the values, not the reaction to others.
  'list.query.Order.enum.other': 'refused with a 4xx Twilio error, or ignored (ascending order); never descending order, never a 5xx',
  'list.query.PageSize.type.wrong': 'refused with a 4xx Twilio error, or ignored (meta.page_size 50; -1 may also be clamped to 1); never a 5xx',
  'list.query.PageSize.minimum.under': 'refused with a 4xx Twilio error, or clamped into 1 to 100',
  'list.query.PageSize.maximum.over':
    'must: refused with a 4xx Twilio error, clamped into 1 to 100, or, up to 1,000 (Twilio error 20007: "The maximum page size is 1000"), honoured as asked; over 1,000 refused or clamped (to 100 or to 1,000). should (msg.list.page-size-max-100): refused or clamped to at most 100',
  'list.query.Page.minimum.under': 'refused with a 4xx Twilio error, or ignored: the first page, meta.page 0 or the negative Page echoed ("simply for client state"); never another page, never a 5xx',
  'list.query.Page.type.wrong': 'refused with a 4xx Twilio error, or ignored: the first page, meta.page 0; never a 5xx',
  // Limits another Twilio page qualifies.
  '*.form.Body.maxLength.over': 'refused with a 4xx Twilio error; or (the Conversations limits page: Chat 32KB) accepted up to 32 KiB and refused beyond',
  'create.form.Body.maxLength.at': 'accepted and read back, the 1,600 characters counted as code points or as UTF-16 code units',
  'create.form.Attributes.valid':
    'must: a JSON object stored as sent; another JSON value stored as sent or refused with a 4xx Twilio error that stores nothing, null also read as not set ("{}") (the Attributes page: "a JSON object"). should (msg.create.attributes-any-json): every JSON value stored as sent',
  'update.form.Attributes.valid': 'a JSON object applied as sent; a JSON array applied as sent or refused with a 4xx Twilio error that changes nothing (the Attributes page: "a JSON object")',
  // SIDs: a miss of the pattern may be answered as not found or as invalid; an unknown SID is sent in lower-case hex.
  '*.path.*.pattern.miss': '404 or 400 with a Twilio error; never 2xx or 5xx, and nothing is changed',
  '*.path.*.minLength.under': '404 or 400 with a Twilio error; never 2xx or 5xx, and nothing is changed',
  '*.path.*.maxLength.over': '404 or 400 with a Twilio error; never 2xx or 5xx, and nothing is changed',
  '*.path.*.unknown': '404 with a Twilio error (any code), for a well-formed SID in lower-case hex, as Twilio issues SIDs (a mixed-case one may be refused for its pattern)',
  // How a client writes the form.
  '*.request.content-type':
    'must: application/x-www-form-urlencoded as the SDKs, curl, browsers and jQuery write it, with or without a charset parameter. should (msg.*.content-type-case-insensitive): the media type in mixed case',
  // Fields update does not have, and a relation no Twilio page states for an update.
  'relation.update.keeps.media': 'MediaSid sent to update ignored or refused with a 4xx Twilio error; the message never gains that media',
  'relation.update.keeps.content_sid': 'ContentSid sent to update ignored or refused with a 4xx Twilio error; content_sid never set',
  'relation.participant_sid.*.after-update': 'judged only at should level (msg.update.participant-sid-follows-author): no Twilio page says an edit of Author re-resolves participant_sid',
  'relation.date_updated.set-after-update': 'date_updated later than before the edit and not before date_created',
  // The media and template rows: what msg.create.media-sid, content-sid and content-sid-ignores-body accept today.
  'create.form.MediaSid.valid': 'the media attached (with or without a Body); or, when the media does not exist, refused as a validation error that stores nothing',
  'create.form.ContentSid.valid': 'content_sid set; or, when the template does not exist, refused as a validation error that stores nothing',
  'create.form.ContentVariables.valid': 'content_sid set; or, when the template does not exist, refused as a validation error that stores nothing',
  'relation.ContentSid.ignores.*': 'Body and MediaSid not stored; or, when the template does not exist, refused as a validation error that stores nothing',
}

/** Who is expected to close a gap: a requirement being written now, or one nobody has started. */
export type GapStatus = 'in progress' | 'proposed'

export interface KnownGap {
  /** The requirement expected to close it (its ID where known, else what it states). */
  expected: string
  status: GapStatus
}

/**
 * Constraints nothing exercises or waives today, each with the requirement expected to close it. The test fails when
 * a constraint is uncovered and not listed here, and when one listed here is covered or waived: the list only shrinks.
 * Empty: every constraint of the model is exercised or waived. A constraint the model gains later and nothing covers
 * yet goes here, `{ 'create.form.X.valid': { expected: 'msg.create.x', status: 'proposed' } }`, until a check closes it.
 */
export const KNOWN_GAPS: Readonly<Record<string, KnownGap>> = {}
