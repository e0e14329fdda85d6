// Deliberate deviations from the documented behaviour. Each one lets the conformance suite prove
// that it notices the breakage (a suite that passes a broken server is as useless as one that fails
// a correct one). To add a fault: one row here (what it breaks, and the requirement IDs it must turn
// red: the mutation run fails when one of them stays green, and a lint in npm test fails when a
// `must` requirement has no fault aimed at it), one `faults.on('name')` at the spot it affects.
// The IDs are plain strings: the reference server imports nothing from the suite.
import { resolveSwitches, type Switches } from './switches.ts'

const TABLE = {
  'create-200': { breaks: 'Message create answers 200 instead of the documented 201 Created.', kills: ['msg.create.status-201'] },
  'delete-200-body': { breaks: 'Message delete answers 200 with the message as the body instead of 204 No Content.', kills: ['msg.delete.status-204-empty'] },
  'body-limit-ignored': { breaks: 'A message Body over 1,600 characters is accepted instead of rejected with 400.', kills: ['msg.create.body-over-limit'] },
  'attributes-null': { breaks: 'A message created without Attributes has attributes null instead of the documented "{}".', kills: ['msg.representation.attributes-default'] },
  'author-default-empty': { breaks: 'A message created without Author has author "" instead of the documented default "system".', kills: ['msg.representation.author-default'] },
  'order-desc-ignored': { breaks: 'List with Order=desc returns messages in ascending index order.', kills: ['msg.list.order-desc'] },
  'fetch-after-delete': { breaks: 'A deleted message can still be fetched with 200 instead of 404.', kills: ['msg.delete.use-after-free'] },
  'auth-ignored': { breaks: 'Requests with missing or wrong credentials are served instead of answered 401.', kills: ['msg.auth.no-credentials', 'msg.auth.wrong-credentials'] },
  'update-noop': { breaks: 'Message update answers 200 but changes nothing.', kills: ['msg.update.applies-changes', 'msg.stateful.model'] },
  'no-service-scope': { breaks: 'The service-scoped message routes (/v1/Services/{IS}/Conversations/{CH}/Messages…) answer 404.', kills: ['msg.scopes.same-messages'] },
  // List and paging
  'list-default-desc': { breaks: 'Without Order, messages are listed newest first instead of in ascending index order.', kills: ['msg.list.default-order'] },
  'order-case-sensitive': { breaks: 'Order is matched case-sensitively: "DESC" or "AsC" is rejected with 400.', kills: ['msg.list.order-case-insensitive'] },
  'page-size-ignored': { breaks: 'PageSize is ignored: pages hold up to 50 messages and meta.page_size says 50.', kills: ['msg.list.page-size'] },
  'page-size-default-20': { breaks: 'Without PageSize, pages hold 20 messages and meta.page_size is 20 instead of the documented 50.', kills: ['msg.list.page-size-default'] },
  'page-size-unbounded': { breaks: "A PageSize over 100 (up to 1000) is honoured instead of rejected or clamped to 100, the Message page's maximum (a reading error 20007 allows: the `page-size-max-1000` variant shows the must accepts it).", kills: ['msg.list.page-size-max-100'] },
  'page-size-limitless': { breaks: 'Any PageSize is honoured however large (1,001 gives meta.page_size 1001), beyond even the 1,000 of Twilio error 20007.', kills: ['msg.list.page-size-out-of-range'] },
  'meta-key-wrong': { breaks: 'The page meta.key is "items" instead of "messages".', kills: ['msg.list.meta'] },
  'previous-url-on-first-page': { breaks: 'The first page has a previous_page_url (pointing at itself) instead of null.', kills: ['msg.list.first-page-previous-null'] },
  'next-url-on-last-page': { breaks: 'The last page has a next_page_url (leading to an empty page) instead of null.', kills: ['msg.list.last-page-next-null'] },
  'first-page-url-is-current': { breaks: 'The page meta.first_page_url points at the current page instead of the first one.', kills: ['msg.list.first-page-url'] },
  'pages-overlap': { breaks: 'Each next page starts with the last message of the page before, so paging repeats messages.', kills: ['msg.list.paging-partition'] },
  'pages-skip': { breaks: 'Each next page starts one message too late, so paging skips messages.', kills: ['msg.list.paging-partition'] },
  'next-url-missing': { breaks: 'The page meta.next_page_url is null even though more messages follow.', kills: ['msg.list.paging-partition'] },
  'index-by-count': { breaks: 'A message index is the number of messages in the conversation, so after a delete a new message reuses an index.', kills: ['msg.list.index-increasing'] },
  'list-other-conversations': { breaks: "List shows other conversations' messages too (a missing conversation filter).", kills: ['msg.list.isolation'] },
  'list-omits-newest': { breaks: 'List leaves out the newest message (an off-by-one at the end of the page slice).', kills: ['msg.list.contains-created'] },
  'list-stale-after-update': { breaks: 'List shows messages as they were created, ignoring later updates (a stale cache).', kills: ['msg.update.applies-changes'] },
  'rejected-create-stored': { breaks: 'A create rejected as invalid still stores the message.', kills: ['msg.create.rejected-leaves-nothing', 'msg.create.empty-values'] },
  'previous-url-null-on-later-pages': { breaks: 'The page meta.previous_page_url is null on every page, also on the pages after the first.', kills: ['msg.list.meta-every-page'] },
  'page-number-stuck': { breaks: 'The list ignores the Page parameter of its own page URLs, so meta.page is 0 on every page.', kills: ['msg.list.meta-every-page'] },
  'page-urls-foreign-origin': { breaks: "Page URLs (url, first_page_url, next_page_url, previous_page_url) carry an internal host, http://conversations.internal:8080, instead of the server's own origin.", kills: ['msg.list.page-url-origin'] },
  'order-invalid-descending': { breaks: 'An Order other than asc or desc lists newest first instead of being refused (the code only tests for "asc").', kills: ['msg.list.order-invalid'] },
  'page-size-parse-int': { breaks: 'PageSize is read with parseInt: "1.5" gives pages of 1, "12abc" pages of 12, and "abc" the default, instead of being refused.', kills: ['msg.list.page-size-invalid'] },
  'page-unvalidated': { breaks: 'Page is taken as given: Page=-1 is echoed as meta.page -1 and Page=abc as null, instead of being refused or ignored.', kills: ['msg.list.page-invalid'] },
  'page-token-unchecked': { breaks: 'A PageToken the server never handed out is ignored, so it gives the first page instead of 400 "Invalid PageToken".', kills: ['msg.list.page-token-invalid'] },
  // Representation, errors, auth and scopes
  'sid-uuid': { breaks: 'Message SIDs are "IM" plus a dashed UUID instead of IM plus 32 hex digits.', kills: ['msg.representation.sids'] },
  'index-string': { breaks: 'A message index is written as a JSON string ("5") instead of the integer the schema declares.', kills: ['msg.representation.schema'] },
  'account-sid-placeholder': { breaks: "Messages carry the doc example's ACaaaa… as account_sid instead of the account that made the request.", kills: ['msg.representation.account-sid'] },
  'conversation-sid-placeholder': { breaks: "Messages carry the doc example's CHaaaa… as conversation_sid instead of the conversation in the path.", kills: ['msg.representation.conversation-sid'] },
  'chat-service-sid-null': { breaks: 'Messages read through the service-scoped routes carry chat_service_sid null instead of the service in the path.', kills: ['msg.representation.chat-service-sid'] },
  'dates-no-timezone': { breaks: 'Message dates are written without a time zone (2015-12-16T22:18:37) instead of RFC 3339 date-times.', kills: ['msg.representation.dates'] },
  'url-relative': { breaks: 'A message url is a relative path (/v1/Conversations/…) instead of an absolute URL.', kills: ['msg.representation.url-self'] },
  'links-no-channel-metadata': { breaks: 'Message links hold only delivery_receipts, without channel_metadata (as in older helper-library fixtures).', kills: ['msg.representation.links-channel-metadata'] },
  'links-receipts-singular': { breaks: 'Message links.delivery_receipts ends in /Receipt instead of the message url + /Receipts.', kills: ['msg.representation.links'] },
  'attributes-object': { breaks: 'Message attributes are returned as a JSON object instead of a string holding JSON.', kills: ['msg.representation.attributes-json'] },
  'participant-sid-always': { breaks: 'A message sent as system carries a participant_sid instead of null.', kills: ['msg.representation.participant-sid-system'] },
  'participant-sid-null': { breaks: "A message's participant_sid is null even when its Author is the identity of a participant of the conversation.", kills: ['msg.representation.participant-sid-author'] },
  'media-empty-array': { breaks: 'A message without media has media [] instead of the documented null.', kills: ['msg.representation.media-null'] },
  'delivery-empty-object': { breaks: 'A chat message has delivery {} instead of null or the delivery summary object.', kills: ['msg.representation.delivery'] },
  'content-sid-empty': { breaks: 'A message created without ContentSid has content_sid "" instead of null.', kills: ['msg.representation.content-sid-null'] },
  'json-as-html': { breaks: 'Message and page responses are served as text/html (a res.send of a string) instead of application/json.', kills: ['msg.representation.json-content-type'] },
  'error-status-string': { breaks: 'Error bodies carry status as a string ("404") instead of the HTTP status number.', kills: ['msg.errors.format'] },
  'message-not-found-50500': { breaks: "An unknown message answers 404 with Chat's code 50500 instead of 20404.", kills: ['msg.errors.not-found-code'] },
  'more-info-api-path': { breaks: 'Error more_info points at https://www.twilio.com/docs/api/errors/{code} instead of /docs/errors/{code}.', kills: ['msg.errors.more-info'] },
  'auth-token-unchecked': { breaks: 'Only the Account SID of the credentials is checked: a wrong auth token is accepted.', kills: ['msg.auth.wrong-credentials'] },
  'auth-password-only': { breaks: 'Only the password of the credentials is checked: the right auth token (or API key secret) under any user name is accepted.', kills: ['msg.auth.wrong-username'] },
  'unknown-service-is-default': { breaks: 'A well-formed service SID that names no service is read as the default service on the message routes, instead of 404.', kills: ['msg.scopes.unknown-service'] },
  'service-sid-case-insensitive': { breaks: 'The message routes look the service SID up case-insensitively, so "is…" names the service "IS…" instead of answering 404.', kills: ['msg.scopes.malformed-service-sid'] },
  'auth-after-write': { breaks: 'Message create, update and delete without valid credentials are carried out before the 401 is answered.', kills: ['msg.auth.no-credentials'] },
  'service-scope-ignores-service': { breaks: 'The service-scoped routes find a conversation by its SID alone, ignoring the service named in the path.', kills: ['msg.scopes.other-service'] },
  // Create, fetch, update and delete
  'body-utf8mb3': { breaks: 'A message Body is stored like a MySQL utf8 (3-byte) column: characters outside the BMP, such as emoji, come back as "?".', kills: ['msg.create.body-round-trip'] },
  'body-double-decoded': { breaks: 'A message Body is percent-decoded a second time after form decoding, so "%25" comes back as "%" and "+" as a space.', kills: ['msg.create.body-form-characters'] },
  'body-limit-off-by-one': { breaks: 'A message Body of exactly 1,600 characters is rejected (the limit is checked with >=).', kills: ['msg.create.body-max-length'] },
  'body-limit-bytes': { breaks: 'The Body limit counts UTF-8 bytes, so 1,600 characters like "é" or "日" are rejected.', kills: ['msg.create.body-limit-in-characters'] },
  'author-ignored': { breaks: 'Author given on create is ignored: every message is authored by "system".', kills: ['msg.create.author'] },
  'attributes-non-object-dropped': { breaks: 'Attributes that hold a JSON value other than an object (an array, string, number, true/false or null) are silently stored as "{}" (neither stored as sent nor refused).', kills: ['msg.create.attributes', 'msg.create.attributes-any-json'] },
  'attributes-unvalidated': { breaks: 'Attributes that are not valid JSON are stored instead of rejected with 400.', kills: ['msg.create.attributes-invalid'] },
  'date-created-ignored': { breaks: "DateCreated given on create is ignored: date_created is the server's clock.", kills: ['msg.create.date-created'] },
  'date-updated-ignored': { breaks: 'DateUpdated given on create is ignored: date_updated is the same as date_created.', kills: ['msg.create.date-updated'] },
  'date-invalid-ignored': { breaks: 'A DateCreated or DateUpdated that is not an RFC 3339 date-time is silently ignored instead of rejected with 400.', kills: ['msg.create.date-invalid', 'msg.update.date-invalid'] },
  'media-sid-ignored': { breaks: 'MediaSid is accepted on create but not attached: media stays null.', kills: ['msg.create.media-sid'] },
  'media-sid-unvalidated': { breaks: 'A MediaSid that does not match ^ME[0-9a-fA-F]{32}$ is stored instead of rejected with 400.', kills: ['msg.create.media-sid-pattern'] },
  'content-sid-dropped': { breaks: 'ContentSid is accepted on create but not stored: content_sid is null.', kills: ['msg.create.content-sid'] },
  'content-sid-unvalidated': { breaks: 'A ContentSid that does not match ^HX[0-9a-fA-F]{32}$ is stored instead of rejected with 400.', kills: ['msg.create.content-sid-pattern'] },
  'content-sid-keeps-body': { breaks: 'With ContentSid set, Body and MediaSid are stored anyway instead of ignored.', kills: ['msg.create.content-sid-ignores-body'] },
  'subject-limit-255': { breaks: 'A Subject of 256 characters is rejected (a VARCHAR(255) column) although the doc allows up to 256.', kills: ['msg.create.subject'] },
  'subject-limit-ignored': { breaks: 'A Subject over 256 characters is accepted instead of rejected with 400.', kills: ['msg.create.subject-over-limit', 'msg.update.subject-over-limit'] },
  'webhook-false-rejected': { breaks: 'X-Twilio-Webhook-Enabled: false is answered 400 on create, update and delete (only "true" is accepted).', kills: ['msg.create.webhook-header', 'msg.update.webhook-header', 'msg.delete.webhook-header'] },
  'fetch-attributes-default': { breaks: 'Fetching a message answers attributes "{}" instead of the Attributes it was created with.', kills: ['msg.fetch.returns-created'] },
  'unknown-message-500': { breaks: 'A message SID that names no message (never created, deleted or malformed) makes fetch, update and delete answer 500 instead of 404.', kills: ['msg.fetch.unknown-sid', 'msg.update.unknown-sid'] },
  'update-sid-case-insensitive': { breaks: 'Message update looks SIDs up case-insensitively (a MySQL default collation in the UPDATE), so an update of "im…" edits the message "IM…".', kills: ['msg.update.malformed-sid'] },
  'delete-sid-prefix-match': { breaks: "Message delete removes the first message whose SID starts with the one given (a LIKE 'sid%' query), so a SID one digit short deletes a message.", kills: ['msg.delete.malformed-sid'] },
  'delete-unknown-204': { breaks: 'Deleting a well-formed IM SID that never named a message answers 204 instead of 404 (a DELETE that affects no row is not checked).', kills: ['msg.delete.unknown-sid'] },
  'write-not-found-50500': { breaks: "Update and delete of an unknown message answer 404 with Chat's code 50500 instead of 20404 (fetch still answers 20404).", kills: ['msg.errors.not-found-code'] },
  'sid-lookup-case-insensitive': { breaks: 'Message fetch looks SIDs up case-insensitively (as a MySQL default collation does), so "im…" fetches the message "IM…".', kills: ['msg.fetch.malformed-sid'] },
  'fetch-any-conversation': { breaks: "A message is fetched by its SID alone, so it can be read through another conversation's path.", kills: ['msg.fetch.other-conversation'] },
  'unknown-conversation-listed': { breaks: 'Listing the messages of a conversation that does not exist answers 200 with an empty page instead of 404.', kills: ['msg.fetch.unknown-conversation'] },
  'update-resets-omitted': { breaks: 'Message update replaces the whole message: fields not given are reset to their defaults (author "system", attributes "{}").', kills: ['msg.update.only-given-fields'] },
  'update-touches-date-created': { breaks: 'Message update sets date_created to the time of the edit as well as date_updated.', kills: ['msg.update.identity-stable'] },
  'update-date-updated-local-time': { breaks: 'Message update stamps date_updated with local wall-clock time (UTC-5) labelled Z, so it lies before date_created.', kills: ['msg.update.date-updated-advances'] },
  'update-dates-ignored': { breaks: 'DateCreated and DateUpdated given in an update are ignored.', kills: ['msg.update.dates'] },
  'update-not-atomic': { breaks: 'A rejected update still applies the valid fields it was given (no validation before writing).', kills: ['msg.update.validation'] },
  'update-after-delete': { breaks: 'A deleted message can still be updated with 200 instead of 404.', kills: ['msg.delete.update-after-delete'] },
  'delete-idempotent': { breaks: 'Deleting a message that is already gone answers 204 instead of 404.', kills: ['msg.delete.delete-twice'] },
  'delete-still-listed': { breaks: 'A deleted message can no longer be fetched but still appears in the list (a soft delete the list does not filter).', kills: ['msg.delete.gone-from-list', 'msg.stateful.model'] },
  // How clients encode a request, and field rules re-checked where they can break (create and update)
  'form-charset-ignored': { breaks: 'A form Content-Type with parameters (application/x-www-form-urlencoded; charset=UTF-8, as browsers, jQuery, axios and Spring send it) is not read as a form: the request carries no parameters.', kills: ['msg.create.client-encodings', 'msg.update.client-encodings'] },
  'form-type-case-sensitive': { breaks: 'The form media type is matched case-sensitively: a Content-Type such as Application/X-WWW-Form-Urlencoded is not read as a form.', kills: ['msg.create.content-type-case-insensitive', 'msg.update.content-type-case-insensitive'] },
  'form-plus-literal': { breaks: 'A + in a form value is kept as a plus instead of decoded to a space (values decoded with decodeURIComponent), so only %20 reads as a space.', kills: ['msg.create.client-encodings', 'msg.update.client-encodings'] },
  'update-form-charset-ignored': { breaks: 'Message update reads a form only under the exact Content-Type application/x-www-form-urlencoded: with a charset parameter it sees no parameters, changes nothing and answers 200 (create is not affected).', kills: ['msg.update.client-encodings'] },
  'content-variables-unvalidated': { breaks: 'ContentVariables that are not valid JSON are stored instead of rejected with 400.', kills: ['msg.create.content-variables-invalid'] },
  'no-content-accepted': { breaks: 'A create with none of Body, MediaSid and ContentSid is stored as a message with body null instead of refused with 400.', kills: ['msg.create.no-content'] },
  'attributes-limit-1024': { breaks: 'Attributes over 1,024 UTF-8 bytes are rejected (a VARCHAR(1024) column), though the limits page allows 4KB.', kills: ['msg.create.attributes-size'] },
  'date-updated-unvalidated': { breaks: 'A DateUpdated that is not an RFC 3339 date-time is silently ignored on create (DateCreated is still validated).', kills: ['msg.create.date-invalid'] },
  'webhook-header-unvalidated': { breaks: 'Any X-Twilio-Webhook-Enabled value (yes, 1, enabled) is accepted instead of rejected with 400.', kills: ['msg.create.webhook-header-invalid', 'msg.update.webhook-header-invalid', 'msg.delete.webhook-header-invalid'] },
  'webhook-header-name-case-sensitive': { breaks: 'X-Twilio-Webhook-Enabled is read only under that exact spelling (a case-sensitive header map, as in an API Gateway event): sent as x-twilio-webhook-enabled it is ignored, whatever its value.', kills: ['msg.create.webhook-header-invalid', 'msg.update.webhook-header-invalid', 'msg.delete.webhook-header-invalid'] },
  'unknown-media-stored': { breaks: 'A create whose MediaSid or ContentSid names no media or Content template is refused with 400, but the message is stored all the same.', kills: ['msg.create.media-sid', 'msg.create.content-sid'] },
  'update-body-limit-off-by-one': { breaks: 'On update, a Body of exactly 1,600 characters is rejected (the update path checks the limit with >=; create is right).', kills: ['msg.update.field-limits'] },
  'update-author-keeps-participant-sid': { breaks: "Updating a message's Author does not recompute participant_sid: it stays that of the Author the message was created with.", kills: ['msg.update.participant-sid-follows-author'] },
  'update-applies-media-sid': { breaks: 'Message update takes MediaSid (a create-only parameter) and attaches that media to the message.', kills: ['msg.update.create-only-fields'] },
  'update-applies-content-sid': { breaks: 'Message update takes ContentSid (a create-only parameter) and sets content_sid.', kills: ['msg.update.create-only-fields'] },
  'update-keeps-date-updated': { breaks: 'An edit does not stamp date_updated: the message keeps the date_updated it had (that of the create, or the DateUpdated given then).', kills: ['msg.update.date-updated-advances'] },
  // The lower bound of Page, a conversation that does not exist, a create without Body, invalid and empty values on update and delete
  'page-zero-refused': { breaks: 'Page is read as a 1-based page number: Page=0 is refused with 400 "Page must be at least 1" (the page URLs leave Page out on the first page, so following them still works).', kills: ['msg.list.page-zero'] },
  'create-unknown-conversation-stored': { breaks: 'A create does not check that the conversation exists: a message posted to a well-formed CH SID that names nothing is stored under it (a foreign key not enforced) and answered 201 instead of 404.', kills: ['msg.create.unknown-conversation'] },
  'writes-ignore-conversation': { breaks: 'Update and delete fall back to finding a message by its SID alone when the conversation in the path does not exist, so a message can be edited or deleted through a conversation SID that names nothing.', kills: ['msg.update.unknown-conversation', 'msg.delete.unknown-conversation'] },
  'media-without-body-refused': { breaks: 'A create with a MediaSid and no Body is refused with 400 as a message without content (the content check counts only Body and ContentSid).', kills: ['msg.create.media-sid'] },
  'update-date-invalid-ignored': { breaks: 'On update, a DateCreated or DateUpdated that is not an RFC 3339 date-time is silently ignored and the rest of the update applied, instead of refused with 400 (create still validates them).', kills: ['msg.update.date-invalid'] },
  'empty-attributes-stored': { breaks: 'Attributes given as an empty string are stored as "" (the JSON check skips a falsy value), so attributes is not JSON, on create and on update.', kills: ['msg.create.empty-values', 'msg.update.empty-values'] },
  'empty-dates-epoch': { breaks: "A DateCreated or DateUpdated given as an empty string is read as Number('') = 0 and stored as 1970-01-01T00:00:00Z, on create and on update.", kills: ['msg.create.empty-values', 'msg.update.empty-values'] },
  'update-webhook-header-unvalidated': { breaks: 'On update, any X-Twilio-Webhook-Enabled value (yes, 1) is accepted and the update applied, instead of refused with 400 (create and delete validate it).', kills: ['msg.update.webhook-header-invalid'] },
  'delete-webhook-header-after-delete': { breaks: 'Delete validates X-Twilio-Webhook-Enabled only after the message is deleted, so a delete refused with 400 for its header (yes, 1, empty) has deleted the message all the same.', kills: ['msg.delete.webhook-header-invalid', 'msg.delete.webhook-header-empty'] },
  'update-subject-limit-ignored': { breaks: 'On update, a Subject over 256 characters is accepted (the update path skips the limit create checks).', kills: ['msg.update.subject-over-limit'] },
  // Not one bug but a whole kind of mock: Prism 5 on Twilio's OpenAPI file (mock/echo.ts). Its list shows none of the created messages.
  'stateless-echo': { breaks: "Every request the OpenAPI schema allows is answered with the file's example for the operation (as `prism mock` does): nothing is stored, every message is IMaaaa… in CHaaaa….", kills: ['msg.list.contains-created', 'msg.fetch.returns-created', 'msg.stateful.model'] },
  // Media and Content templates that exist (mock/routes-media.ts), delivery receipts, page URLs, the first index
  'media-filename-missing': { breaks: "A message's media object has no filename field (the doc lists content_type, filename, sid and size).", kills: ['msg.create.media-sid'] },
  'media-details-placeholder': { breaks: "A message's media object shows placeholders (application/octet-stream, size 0, filename null) instead of the uploaded media's type, size and name.", kills: ['msg.create.media-sid'] },
  'media-and-content-refused': { breaks: 'Every create with a MediaSid or a ContentSid is refused with 400, also when the media or the Content template exists.', kills: ['msg.create.media-sid', 'msg.create.content-sid', 'msg.create.content-sid-ignores-body', 'msg.create.content-variables-invalid'] },
  'receipts-route-missing': { breaks: "A message's links.delivery_receipts URL answers 404: the Receipts list is not served.", kills: ['msg.representation.delivery-receipts-link'] },
  'page-urls-drop-query': { breaks: 'Page URLs (url, first_page_url, next_page_url) leave out the PageSize and Order the request sent.', kills: ['msg.list.page-urls-query'] },
  'first-index-1': { breaks: 'The first message of a new conversation has index 1 instead of 0.', kills: ['msg.list.first-index-zero'] },
} as const satisfies Record<string, { breaks: string; kills: readonly string[] }>

export type FaultName = keyof typeof TABLE

/** Fault name → the documented behaviour it breaks, in one sentence. */
export const FAULTS: Record<string, string> = Object.fromEntries(Object.entries(TABLE).map(([name, f]) => [name, f.breaks]))

/** Fault name → the requirement IDs of the conformance suite it must turn red. */
export const FAULT_TARGETS: Record<string, readonly string[]> = Object.fromEntries(Object.entries(TABLE).map(([name, f]) => [name, f.kills]))

export type Faults = Switches<FaultName>

export function resolveFaults(names?: readonly string[]): Faults {
  return resolveSwitches<FaultName>('fault', FAULTS as Record<FaultName, string>, names)
}
