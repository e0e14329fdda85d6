// What the webhook-header checks of create, update and delete share.
import type { SuiteConfig } from '../../src/run/config.ts'
import { mayFireWebhooks } from '../../src/client/webhooks.ts'

/**
 * Of the X-Twilio-Webhook-Enabled values a check would try (`tried`), those it may send this target. "true" fires the account's webhooks, so a
 * twilio.com target gets it only with --allow-webhooks (src/client/webhooks.ts); without it only "false" is sent.
 */
export function webhookValues(config: Pick<SuiteConfig, 'target' | 'allowWebhooks'>, tried: readonly string[] = ['true', 'false']): readonly string[] {
  return mayFireWebhooks(config.target.baseUrl, config.allowWebhooks) ? tried : tried.filter((v) => v.toLowerCase() !== 'true')
}

/** The observation of a check that could not send "true": what it did not judge, and why. */
export const TRUE_NOT_SENT =
  'X-Twilio-Webhook-Enabled: true was not sent: it fires the webhooks of a real account (give --allow-webhooks to send it); only false was judged'

/**
 * Values people write for X-Twilio-Webhook-Enabled instead of true and false (a yes, a 1), each under another
 * spelling of the header name: names are case-insensitive, and a server that reads one spelling only lets it through.
 */
export const INVALID_WEBHOOK_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Twilio-Webhook-Enabled', 'yes'],
  ['x-twilio-webhook-enabled', '1'],
]
