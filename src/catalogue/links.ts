/** Anchors of the official doc page (headings slugified as twilio.com does) and the OpenAPI file's paths. */
const PAGE = 'https://www.twilio.com/docs/conversations/api/conversation-message-resource'
const OPENAPI = 'https://github.com/twilio/twilio-oai/blob/d50069b44ea8cd23141385bdb6db48f16ff75bb5/spec/json/twilio_conversations_v1.json'

export const DOC = {
  page: PAGE,
  scopes: `${PAGE}#using-the-shortened-base-url`,
  properties: `${PAGE}#message-properties`,
  create: `${PAGE}#create-a-conversationmessage-resource`,
  fetch: `${PAGE}#fetch-a-conversationmessage-resource`,
  list: `${PAGE}#list-all-conversation-messages`,
  update: `${PAGE}#update-a-conversationmessage-resource`,
  delete: `${PAGE}#delete-a-conversationmessage-resource`,
  errors: 'https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions',
  auth: 'https://www.twilio.com/docs/usage/requests-to-twilio#authenticate-with-http',
  paging: 'https://www.twilio.com/docs/usage/twilios-response#response-formats-list-paging-information',
  openapi: OPENAPI,
  limits: 'https://www.twilio.com/docs/conversations/conversations-limits#length-limits',
  attributes: 'https://www.twilio.com/docs/conversations/attributes',
  /** Twilio's page for an error code. */
  error: (code: number) => `https://www.twilio.com/docs/api/errors/${code}`,
  /** The Conversation Message Receipt resource: what a message's links.delivery_receipts lists. */
  receipts: 'https://www.twilio.com/docs/conversations/api/receipt-resource',
} as const
