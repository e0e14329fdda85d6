/**
 * The requirements a stateless echo of the OpenAPI file's examples (Prism 5, `prism mock`; the reference server's
 * `stateless-echo` fault) may pass, each with why its pass is still true of such a target. Every other requirement
 * makes a claim about state (what was stored, listed, ordered, deleted, or which conversation a message is in), and
 * must fail or be "not judged" there: test/stateless-echo.test.ts runs the suite against the echo and holds that line.
 * A requirement joins this list only with a reason a reviewer can check: the claim is about the shape of a single
 * answer, or only about acceptance (and then the pass says what it did not observe, src/harness/unobserved.ts).
 */
export const STATELESS_MAY_PASS: Readonly<Record<string, string>> = {
  // The shape of one answer: the doc's own examples are conformant messages, so an echo of them is too.
  'msg.representation.schema': "the doc's example messages validate against the Message schema: a claim about the shape of each answer",
  'msg.representation.sids': 'the example SIDs have the documented pattern (two letters, 32 hex digits): shape only',
  'msg.representation.dates': 'the example dates are RFC 3339 date-times: shape only',
  'msg.representation.links': "the example's links.delivery_receipts is its own url + /Receipts: a relation inside one answer",
  'msg.representation.delivery-receipts-link': "the echo serves the receipts route of the OpenAPI file with its example page (meta.key delivery_receipts): the link leads to a page of receipts, which is all the claim says; whose receipts they are is not judged",
  'msg.representation.links-channel-metadata': "the example's links has channel_metadata: shape only",
  'msg.representation.attributes-json': "the example's attributes is a string holding JSON: shape only",
  'msg.representation.media-null': 'the check sends no media and the example has media null: true of every answer the echo gives',
  'msg.representation.delivery': "the example's delivery is a well-formed delivery summary: shape only",
  'msg.representation.content-sid-null': 'the check sends no ContentSid and the example has content_sid null: true of every answer the echo gives',
  'msg.representation.json-content-type': 'the echo serves its examples as application/json',
  // Acceptance only: the pass says what it did not observe (src/harness/unobserved.ts).
  'msg.create.status-201': 'the status of a create: the echo answers 201 as documented; whether anything was stored is judged by msg.fetch.returns-created',
  'msg.create.subject': 'acceptance of a 256-character Subject, which no representation shows: the echo accepts it',
  'msg.create.webhook-header': 'acceptance of X-Twilio-Webhook-Enabled true and false (the enum): the echo validates the enum and accepts both',
  'msg.update.webhook-header': 'acceptance of X-Twilio-Webhook-Enabled true and false on update: as on create',
  'msg.delete.webhook-header': 'acceptance of X-Twilio-Webhook-Enabled true and false on delete: as on create',
  'msg.delete.status-204-empty': 'the status and empty body of a delete: the echo answers 204; whether the message is gone is judged by msg.delete.use-after-free',
  'msg.update.create-only-fields': 'MediaSid and ContentSid on update are ignored: an echo ignores every parameter, so the claim holds of it',
  // Refusals that need no stored state, only the account's credentials (Prism answers a missing Authorization with a
  // problem+json 401, not a Twilio error, and compares no credentials, so it passes none of these; another echo may).
  'msg.auth.no-credentials': 'a request without credentials is refused: no stored state is needed to refuse it',
  'msg.auth.wrong-credentials': "wrong credentials are refused: this needs the account's credentials, not stored messages",
  'msg.auth.wrong-username': "a wrong user name is refused: this needs the account's credentials, not stored messages",
  // Paging URLs of a page: where they point, not what the page holds.
  'msg.list.page-url-origin': "the example page's URLs are on https://conversations.twilio.com, an origin the requirement allows",
}
