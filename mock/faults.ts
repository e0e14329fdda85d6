// Deliberate deviations from the documented behaviour. Each one lets the conformance suite prove
// that it notices the breakage (a suite that passes a broken server is as useless as one that fails
// a correct one). To add a fault: one row here, one `faults.on('name')` at the spot it affects.
import { resolveSwitches, type Switches } from './switches.ts'

const TABLE = {
  'create-200': 'Message create answers 200 instead of the documented 201 Created.',
  'delete-200-body': 'Message delete answers 200 with the message as the body instead of 204 No Content.',
  'body-limit-ignored': 'A message Body over 1,600 characters is accepted instead of rejected with 400.',
  'attributes-null': 'A message created without Attributes has attributes null instead of the documented "{}".',
  'author-default-empty': 'A message created without Author has author "" instead of the documented default "system".',
  'order-desc-ignored': 'List with Order=desc returns messages in ascending index order.',
  'fetch-after-delete': 'A deleted message can still be fetched with 200 instead of 404.',
  'auth-ignored': 'Requests with missing or wrong credentials are served instead of answered 401.',
  'update-noop': 'Message update answers 200 but changes nothing.',
  'no-service-scope': 'The service-scoped message routes (/v1/Services/{IS}/Conversations/{CH}/Messages…) answer 404.',
  // List and paging
  'list-default-desc': 'Without Order, messages are listed newest first instead of in ascending index order.',
  'order-case-sensitive': 'Order is matched case-sensitively: "DESC" or "AsC" is rejected with 400.',
  'page-size-ignored': 'PageSize is ignored: pages hold up to 50 messages and meta.page_size says 50.',
  'page-size-default-20': 'Without PageSize, pages hold 20 messages and meta.page_size is 20 instead of the documented 50.',
  'page-size-unbounded': 'A PageSize over 100 (up to 1000) is honoured instead of rejected or clamped to 100.',
  'meta-key-wrong': 'The page meta.key is "items" instead of "messages".',
  'previous-url-on-first-page': 'The first page has a previous_page_url (pointing at itself) instead of null.',
  'next-url-on-last-page': 'The last page has a next_page_url (leading to an empty page) instead of null.',
  'first-page-url-is-current': 'The page meta.first_page_url points at the current page instead of the first one.',
  'pages-overlap': 'Each next page starts with the last message of the page before, so paging repeats messages.',
  'pages-skip': 'Each next page starts one message too late, so paging skips messages.',
  'next-url-missing': 'The page meta.next_page_url is null even though more messages follow.',
  'index-by-count': 'A message index is the number of messages in the conversation, so after a delete a new message reuses an index.',
  'list-other-conversations': "List shows other conversations' messages too (a missing conversation filter).",
  'list-omits-newest': 'List leaves out the newest message (an off-by-one at the end of the page slice).',
  'list-stale-after-update': 'List shows messages as they were created, ignoring later updates (a stale cache).',
  'rejected-create-stored': 'A create rejected as invalid still stores the message.',
  // Representation, errors, auth and scopes
  'sid-uuid': 'Message SIDs are "IM" plus a dashed UUID instead of IM plus 32 hex digits.',
  'account-sid-placeholder': "Messages carry the doc example's ACaaaa… as account_sid instead of the account that made the request.",
  'conversation-sid-placeholder': "Messages carry the doc example's CHaaaa… as conversation_sid instead of the conversation in the path.",
  'chat-service-sid-null': 'Messages read through the service-scoped routes carry chat_service_sid null instead of the service in the path.',
  'dates-no-timezone': 'Message dates are written without a time zone (2015-12-16T22:18:37) instead of RFC 3339 date-times.',
  'url-relative': 'A message url is a relative path (/v1/Conversations/…) instead of an absolute URL.',
  'links-no-channel-metadata': 'Message links hold only delivery_receipts, without channel_metadata (as in older helper-library fixtures).',
  'attributes-object': 'Message attributes are returned as a JSON object instead of a string holding JSON.',
  'participant-sid-always': 'A message sent as system carries a participant_sid instead of null.',
  'participant-sid-null': "A message's participant_sid is null even when its Author is the identity of a participant of the conversation.",
  'media-empty-array': 'A message without media has media [] instead of the documented null.',
  'delivery-empty-object': 'A chat message has delivery {} instead of null or the delivery summary object.',
  'content-sid-empty': 'A message created without ContentSid has content_sid "" instead of null.',
  'json-as-html': 'Message and page responses are served as text/html (a res.send of a string) instead of application/json.',
  'error-status-string': 'Error bodies carry status as a string ("404") instead of the HTTP status number.',
  'message-not-found-50500': "An unknown message answers 404 with Chat's code 50500 instead of 20404.",
  'more-info-api-path': 'Error more_info points at https://www.twilio.com/docs/api/errors/{code} instead of /docs/errors/{code}.',
  'auth-token-unchecked': 'Only the Account SID of the credentials is checked: a wrong auth token is accepted.',
  'auth-after-write': 'Message create, update and delete without valid credentials are carried out before the 401 is answered.',
  'service-scope-ignores-service': 'The service-scoped routes find a conversation by its SID alone, ignoring the service named in the path.',
  // Create, fetch, update and delete
  'body-utf8mb3': 'A message Body is stored like a MySQL utf8 (3-byte) column: characters outside the BMP, such as emoji, come back as "?".',
  'body-double-decoded': 'A message Body is percent-decoded a second time after form decoding, so "%25" comes back as "%" and "+" as a space.',
  'body-limit-off-by-one': 'A message Body of exactly 1,600 characters is rejected (the limit is checked with >=).',
  'body-limit-bytes': 'The Body limit counts UTF-8 bytes, so 1,600 characters like "é" or "日" are rejected.',
  'author-ignored': 'Author given on create is ignored: every message is authored by "system".',
  'attributes-non-object-dropped': 'Attributes that hold a JSON value other than an object (an array, string, number, true/false or null) are stored as "{}".',
  'attributes-unvalidated': 'Attributes that are not valid JSON are stored instead of rejected with 400.',
  'date-created-ignored': "DateCreated given on create is ignored: date_created is the server's clock.",
  'date-updated-ignored': 'DateUpdated given on create is ignored: date_updated is the same as date_created.',
  'date-invalid-ignored': 'A DateCreated or DateUpdated that is not an RFC 3339 date-time is silently ignored instead of rejected with 400.',
  'media-sid-ignored': 'MediaSid is accepted on create but not attached: media stays null.',
  'media-sid-unvalidated': 'A MediaSid that does not match ^ME[0-9a-fA-F]{32}$ is stored instead of rejected with 400.',
  'content-sid-dropped': 'ContentSid is accepted on create but not stored: content_sid is null.',
  'content-sid-unvalidated': 'A ContentSid that does not match ^HX[0-9a-fA-F]{32}$ is stored instead of rejected with 400.',
  'content-sid-keeps-body': 'With ContentSid set, Body and MediaSid are stored anyway instead of ignored.',
  'subject-limit-255': 'A Subject of 256 characters is rejected (a VARCHAR(255) column) although the doc allows up to 256.',
  'subject-limit-ignored': 'A Subject over 256 characters is accepted instead of rejected with 400.',
  'webhook-false-rejected': 'X-Twilio-Webhook-Enabled: false is answered 400 on create, update and delete (only "true" is accepted).',
  'fetch-attributes-default': 'Fetching a message answers attributes "{}" instead of the Attributes it was created with.',
  'unknown-message-500': 'A message SID that names no message (never created, deleted or malformed) makes fetch, update and delete answer 500 instead of 404.',
  'sid-lookup-case-insensitive': 'Message fetch looks SIDs up case-insensitively (as a MySQL default collation does), so "im…" fetches the message "IM…".',
  'fetch-any-conversation': "A message is fetched by its SID alone, so it can be read through another conversation's path.",
  'unknown-conversation-listed': 'Listing the messages of a conversation that does not exist answers 200 with an empty page instead of 404.',
  'update-resets-omitted': 'Message update replaces the whole message: fields not given are reset to their defaults (author "system", attributes "{}").',
  'update-touches-date-created': 'Message update sets date_created to the time of the edit as well as date_updated.',
  'update-date-updated-local-time': 'Message update stamps date_updated with local wall-clock time (UTC-5) labelled Z, so it lies before date_created.',
  'update-dates-ignored': 'DateCreated and DateUpdated given in an update are ignored.',
  'update-not-atomic': 'A rejected update still applies the valid fields it was given (no validation before writing).',
  'update-after-delete': 'A deleted message can still be updated with 200 instead of 404.',
  'delete-idempotent': 'Deleting a message that is already gone answers 204 instead of 404.',
  'delete-still-listed': 'A deleted message can no longer be fetched but still appears in the list (a soft delete the list does not filter).',
} as const satisfies Record<string, string>

export type FaultName = keyof typeof TABLE

/** Fault name → the documented behaviour it breaks, in one sentence. */
export const FAULTS: Record<string, string> = TABLE

export type Faults = Switches<FaultName>

export function resolveFaults(names?: readonly string[]): Faults {
  return resolveSwitches<FaultName>('fault', TABLE, names)
}
