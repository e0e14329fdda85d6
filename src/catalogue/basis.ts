/**
 * What each requirement of the catalogue rests on (types.ts `Basis`), by ID: the Message page's own words, another
 * official Twilio page (cited by URL, with its words), or an inference. One table apart from the area files, so that
 * adding a requirement is a row there and a row here; requirements.ts joins the two, and the catalogue lint
 * (lint.ts `lintBasis`) refuses a requirement without a basis and a `must` whose basis is an inference.
 * Quotes of the Message page are checked against the page itself (test/catalogue.test.ts) wherever it is present. Where
 * the suite does not hold another page's exact words, its basis gives their gist in square brackets, never as a quote.
 */
import { DOC } from './links.ts'
import type { Basis } from './types.ts'

/** The Message page's words (as test/catalogue.test.ts finds them on the page: links without targets, escapes undone). */
const page = (quote: string): Basis => ({ kind: 'message-page', quote })
/** Another official Twilio page, and the words of it the requirement rests on. */
const cites = (url: string, quote: string): Basis => ({ kind: 'twilio-page', url, quote })
/** Twilio's OpenAPI file at the pinned commit (links.ts), and the words or value the requirement rests on. */
const openapi = (quote: string): Basis => cites(DOC.openapi, quote)
/** A reading no Twilio page states: at most a `should`. */
const inferred = (reasoning: string): Basis => ({ kind: 'inference', reasoning })

/** Twilio's page on its responses: errors, their body and paging. */
const NOT_FOUND = cites(DOC.errors, '[a request for a resource that does not exist is answered 404 Not Found, with a Twilio error body]')
const INVALID_REQUEST = cites(DOC.error(400), 'Twilio returns this error when a REST API request cannot be completed because the request is invalid.')
const WEBHOOK_ENUM = page('"enum":["true","false"]')

export const BASES: Readonly<Record<string, Basis>> = {
  // Representation
  'msg.representation.schema': page('"refName":"conversations.v1.conversation.conversation_message"'),
  'msg.representation.sids': page('"pattern":"^IM[0-9a-fA-F]{32}$"'),
  'msg.representation.account-sid': page('The unique ID of the [Account] responsible for this message.'),
  'msg.representation.conversation-sid': page('The unique ID of the [Conversation] for this message.'),
  'msg.representation.chat-service-sid': openapi('/components/schemas/conversations.v1.service.service_conversation.service_conversation_message/properties/chat_service_sid: "The SID of the [Conversation Service] the Participant resource is associated with."'),
  'msg.representation.dates': page('"date_created":{"type":"string","format":"date-time"'),
  'msg.representation.url-self': page('An absolute API resource API URL for this message.'),
  'msg.representation.links': openapi('x-twilio.dependentProperties.delivery_receipts.resource_url: "/v1/Conversations/{conversation_sid}/Messages/{message_sid}/Receipts"'),
  'msg.representation.links-channel-metadata': openapi('x-twilio.dependentProperties.channel_metadata.resource_url: "/v1/Conversations/{conversation_sid}/Messages/{message_sid}/ChannelMetadata"'),
  'msg.representation.delivery-receipts-link': page('Contains an absolute API resource URL to access the delivery & read receipts of this message.'),
  'msg.representation.attributes-json': page('The string value must contain structurally valid JSON if specified.'),
  'msg.representation.attributes-default': page('**Note** that if the attributes are not set "{}" will be returned.'),
  'msg.representation.author-default': page("The channel specific identifier of the message's author. Defaults to `system`."),
  'msg.representation.participant-sid-system': page("The unique ID of messages's author participant. Null in case of `system` sent message."),
  'msg.representation.participant-sid-author': page("The unique ID of messages's author participant."),
  'msg.representation.media-null': page("An array of objects that describe the Message's media, if the message contains media."),
  'msg.representation.delivery': page('An object that contains the summary of delivery statuses for the message to non-chat participants.'),
  'msg.representation.content-sid-null': page('The unique ID of the multi-channel [Rich Content] template.'),
  'msg.representation.json-content-type': openapi('responses."201".content: "application/json" (and the 200 of fetch, update and list)'),

  // Create
  'msg.create.status-201': openapi('responses."201": { "description": "Created" }'),
  'msg.create.body-round-trip': page('The content of the message, can be up to 1,600 characters long.'),
  'msg.create.body-form-characters': page('"application/x-www-form-urlencoded"'),
  'msg.create.body-max-length': page('The content of the message, can be up to 1,600 characters long.'),
  'msg.create.body-over-limit': page('The content of the message, can be up to 1,600 characters long.'),
  'msg.create.body-limit-in-characters': page('can be up to 1,600 characters long.'),
  'msg.create.author': page("The channel specific identifier of the message's author."),
  // The Message page allows "structurally valid JSON"; the Attributes page says "a JSON object": the must holds what both allow.
  'msg.create.attributes': page('The string value must contain structurally valid JSON if specified.'),
  'msg.create.attributes-any-json': page('The string value must contain structurally valid JSON if specified.'),
  'msg.create.attributes-invalid': page('The string value must contain structurally valid JSON if specified.'),
  'msg.create.attributes-size': cites(DOC.limits, 'Conversation Message Attributes: 4KB'),
  'msg.create.date-created': page('"DateCreated":{"type":"string","format":"date-time","description":"The date that this resource was created."}'),
  'msg.create.date-updated': page('"DateUpdated":{"type":"string","format":"date-time","description":"The date that this resource was last updated.'),
  'msg.create.date-invalid': page('"DateCreated":{"type":"string","format":"date-time"'),
  'msg.create.media-sid': page('The Media SID to be attached to the new Message.'),
  'msg.create.media-sid-pattern': page('"pattern":"^ME[0-9a-fA-F]{32}$"'),
  'msg.create.content-sid': page('The unique ID of the multi-channel [Rich Content] template, required for template-generated messages.'),
  'msg.create.content-variables-invalid': page('A structurally valid JSON string that contains values to resolve Rich Content template variables.'),
  'msg.create.content-sid-pattern': page('"pattern":"^HX[0-9a-fA-F]{32}$"'),
  'msg.create.content-sid-ignores-body': page('**Note** that if this field is set, `Body` and `MediaSid` parameters are ignored.'),
  'msg.create.no-content': cites(DOC.error(50503), 'Message body not provided'),
  'msg.create.subject': page('The subject of the message, can be up to 256 characters long.'),
  'msg.create.subject-over-limit': page('The subject of the message, can be up to 256 characters long.'),
  'msg.create.webhook-header': WEBHOOK_ENUM,
  'msg.create.webhook-header-invalid': WEBHOOK_ENUM,
  'msg.create.client-encodings': openapi('requestBody.content: "application/x-www-form-urlencoded" (a media type: RFC 9110 lets it carry a charset parameter, and the SDKs, browsers and jQuery send it as cited in suites/create/encodings.ts)'),
  'msg.create.content-type-case-insensitive': inferred('RFC 9110 §8.3.1: a media type and its parameter names are case-insensitive. No Twilio page says its API follows that, and no mainstream client sends a mixed-case media type.'),
  'msg.create.unknown-conversation': NOT_FOUND,
  'msg.create.empty-values': page('The string value must contain structurally valid JSON if specified.'),
  'msg.create.rejected-leaves-nothing': INVALID_REQUEST,

  // Fetch
  'msg.fetch.returns-created': page('`GET https://conversations.twilio.com/v1/Conversations/{ConversationSid}/Messages/{Sid}`'),
  'msg.fetch.unknown-sid': NOT_FOUND,
  'msg.fetch.malformed-sid': page('"pattern":"^IM[0-9a-fA-F]{32}$"'),
  'msg.fetch.other-conversation': page('The unique ID of the [Conversation] for this message.'),
  'msg.fetch.unknown-conversation': NOT_FOUND,

  // List
  'msg.list.contains-created': page('`GET https://conversations.twilio.com/v1/Conversations/{ConversationSid}/Messages`'),
  'msg.list.default-order': page('Can be: `asc` (ascending) or `desc` (descending), with `asc` as the default.'),
  'msg.list.order-desc': page('Can be: `asc` (ascending) or `desc` (descending)'),
  'msg.list.order-case-insensitive': page('"readLastMessage_ienumOrderMixedCaseDesc":{"value":"DeSc"}'),
  'msg.list.page-size': page('How many resources to return in each list page.'),
  'msg.list.page-size-default': page('The default is 50, and the maximum is 100.'),
  // The Message page's maximum is 100; Twilio's error 20007 says 1000 (the OpenAPI maximum until 2025): the must allows both
  // (its qualifiedBy cites 20007), this should holds the page's own.
  'msg.list.page-size-out-of-range': page('The default is 50, and the maximum is 100.'),
  'msg.list.page-size-max-100': page('The default is 50, and the maximum is 100.'),
  'msg.list.meta': page('"key": "messages"'),
  'msg.list.first-page-previous-null': cites(DOC.paging, '[previous_page_url: the previous page of the list; null on the first page]'),
  'msg.list.last-page-next-null': cites(DOC.paging, '[next_page_url: the next page of the list; null on the last page]'),
  'msg.list.first-page-url': cites(DOC.paging, '[first_page_url: the first page of the list]'),
  'msg.list.paging-partition': cites(DOC.paging, '[follow next_page_url to page through the whole list]'),
  // Every example page URL carries the query that produced it; no words say so, hence a should.
  'msg.list.page-urls-query': page('Messages?Order=desc&PageSize=2&Page=0'),
  'msg.list.first-index-zero': page('"index":{"type":"integer","default":0'),
  'msg.list.paging-past-default-page': page('How many resources to return in each list page. The default is 50, and the maximum is 100.'),
  'msg.list.page-token-foreign': page('The page token. This is provided by the API.'),
  'msg.create.concurrent-index': page('Indices may skip numbers, but will always be in order of when the message was received.'),
  'msg.list.index-increasing': page('Indices may skip numbers, but will always be in order of when the message was received.'),
  'msg.list.isolation': page('`GET https://conversations.twilio.com/v1/Conversations/{ConversationSid}/Messages`'),
  'msg.list.meta-every-page': cites(DOC.paging, '[every page of a list carries its paging information in meta: page, page_size, first_page_url, previous_page_url, url, next_page_url, key]'),
  'msg.list.page-url-origin': page('All URLs in the reference documentation use the following base URL:'),
  'msg.list.order-invalid': page('"enum":["asc","desc"]'),
  'msg.list.page-size-invalid': page('"PageSize","in":"query","description":"How many resources to return in each list page. The default is 50, and the maximum is 100.","schema":{"type":"integer"'),
  'msg.list.page-invalid': page('The page index. This value is simply for client state.'),
  'msg.list.page-zero': page('"Page","in":"query","description":"The page index. This value is simply for client state.","schema":{"type":"integer","minimum":0}'),
  // "Provided by the API", and Twilio's error for a token it did not provide.
  'msg.list.page-token-invalid': cites(DOC.error(21481), 'Invalid PageToken'),

  // Update
  'msg.update.applies-changes': page('`POST https://conversations.twilio.com/v1/Conversations/{ConversationSid}/Messages/{Sid}`'),
  // Twilio's update adds to a message: the Attributes page's "Set or modify Attributes" edits one field of an existing Message.
  'msg.update.only-given-fields': cites(DOC.attributes, 'you can add attributes to an existing Message by passing the correct method and specifying the attributes on that Message object'),
  'msg.update.identity-stable': page('A 34 character string that uniquely identifies this resource.'),
  'msg.update.date-updated-advances': page('The date that this resource was last updated.'),
  'msg.update.dates': page('"DateUpdated":{"type":"string","format":"date-time","description":"The date that this resource was last updated.'),
  'msg.update.validation': INVALID_REQUEST,
  'msg.update.unknown-sid': NOT_FOUND,
  'msg.update.webhook-header': WEBHOOK_ENUM,
  'msg.update.malformed-sid': page('"pattern":"^IM[0-9a-fA-F]{32}$"'),
  'msg.update.field-limits': page('The content of the message, can be up to 1,600 characters long.'),
  'msg.update.participant-sid-follows-author': inferred("The page defines participant_sid as \"the unique ID of messages's author participant\" but says nothing of an update of Author: whether an edit re-resolves it is a reading."),
  'msg.update.create-only-fields': openapi('[UpdateConversationMessageRequest has Author, Body, DateCreated, DateUpdated, Attributes and Subject: no MediaSid, ContentSid or ContentVariables]'),
  'msg.update.unknown-conversation': NOT_FOUND,
  'msg.update.date-invalid': page('"DateCreated":{"type":"string","format":"date-time"'),
  'msg.update.empty-values': page('**Note** that if the attributes are not set "{}" will be returned.'),
  'msg.update.webhook-header-invalid': WEBHOOK_ENUM,
  'msg.update.subject-over-limit': page('The subject of the message, can be up to 256 characters long.'),
  'msg.update.client-encodings': openapi('requestBody.content: "application/x-www-form-urlencoded" (a media type: RFC 9110 lets it carry a charset parameter, and the SDKs, browsers and jQuery send it as cited in suites/create/encodings.ts)'),
  'msg.update.content-type-case-insensitive': inferred('RFC 9110 §8.3.1: a media type and its parameter names are case-insensitive. No Twilio page says its API follows that, and no mainstream client sends a mixed-case media type.'),

  // Delete
  'msg.delete.status-204-empty': openapi('responses."204": { "description": "The resource was deleted successfully." } (no content)'),
  'msg.delete.use-after-free': NOT_FOUND,
  'msg.delete.update-after-delete': NOT_FOUND,
  'msg.delete.delete-twice': NOT_FOUND,
  'msg.delete.gone-from-list': page('`DELETE https://conversations.twilio.com/v1/Conversations/{ConversationSid}/Messages/{Sid}`'),
  'msg.delete.webhook-header': WEBHOOK_ENUM,
  'msg.delete.unknown-sid': NOT_FOUND,
  'msg.delete.malformed-sid': page('"pattern":"^IM[0-9a-fA-F]{32}$"'),
  'msg.delete.unknown-conversation': NOT_FOUND,
  'msg.delete.webhook-header-invalid': WEBHOOK_ENUM,
  'msg.delete.webhook-header-empty': WEBHOOK_ENUM,

  // Errors
  'msg.errors.format': cites(DOC.errors, '[an error is answered with a JSON body of code, message, more_info and status, the HTTP status]'),
  'msg.errors.not-found-code': cites(DOC.error(20404), '[20404: the requested resource was not found]'),
  'msg.errors.more-info': cites(DOC.errors, '[more_info: the page of Twilio\'s documentation for the error code]'),

  // Auth
  'msg.auth.no-credentials': cites(DOC.error(20003), '[Authentication Error: missing or wrong credentials, HTTP 401]'),
  'msg.auth.wrong-credentials': cites(DOC.error(20003), '[Authentication Error: missing or wrong credentials, HTTP 401]'),
  'msg.auth.wrong-username': cites(DOC.auth, '[HTTP Basic authentication: the Account SID (or an API key SID) as the username, the Auth Token (or the key secret) as the password]'),

  // Scopes
  'msg.scopes.same-messages': page('you can interact with Conversation Message resources in the **default Conversation Service** instance via a "shortened" URL'),
  'msg.scopes.other-service': page('you will need to specify the Conversation Service SID in the REST API call:'),
  'msg.scopes.unknown-service': NOT_FOUND,
  'msg.scopes.malformed-service-sid': openapi('ChatServiceSid: "pattern": "^IS[0-9a-fA-F]{32}$"'),

  // Stateful
  'msg.stateful.model': page('## Create a ConversationMessage resource'),
}
