// What the webhook-header-invalid checks of create, update and delete share.

/**
 * Values people write for X-Twilio-Webhook-Enabled instead of true and false (a yes, a 1), each under another
 * spelling of the header name: names are case-insensitive, and a server that reads one spelling only lets it through.
 */
export const INVALID_WEBHOOK_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Twilio-Webhook-Enabled', 'yes'],
  ['x-twilio-webhook-enabled', '1'],
]
