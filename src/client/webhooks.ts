/**
 * The nightly's safety catch. `X-Twilio-Webhook-Enabled: true` on a message write asks Twilio to fire the account's
 * webhooks (the Conversations service's pre- and post-event webhooks: the team's own bots, CRM syncs, alerting) for
 * it. A nightly run against a real account would fire them for every message it writes, every night. So against a
 * twilio.com target no request carries that value unless the run was given --allow-webhooks; the client refuses to
 * send it, and the check ends "not judged" with the reason. The webhook checks themselves send only `false` there.
 */
import { isTwilioHosted } from './target.ts'

/** The header, as Twilio's OpenAPI file names it on create, update and delete. */
export const WEBHOOK_HEADER = 'X-Twilio-Webhook-Enabled'

/** True when the run may ask this target to fire webhooks: any target but Twilio's own, or Twilio's with --allow-webhooks. */
export function mayFireWebhooks(baseUrl: string, allowWebhooks: boolean | undefined): boolean {
  return allowWebhooks === true || !isTwilioHosted(baseUrl)
}

/** Why this request must not be sent (it would fire the account's webhooks and the run may not), else undefined. */
export function webhookRefusal(baseUrl: string, headers: Readonly<Record<string, string>> | undefined, allowWebhooks: boolean | undefined): string | undefined {
  if (headers === undefined || mayFireWebhooks(baseUrl, allowWebhooks)) return undefined
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === WEBHOOK_HEADER.toLowerCase())?.[1]
  // Only the value the header's enum reads as "true" fires them; Twilio may read the value case-insensitively.
  if (value === undefined || value.trim().toLowerCase() !== 'true') return undefined
  return `${WEBHOOK_HEADER}: ${value} would fire the webhooks of the account at ${new URL(baseUrl).origin}; the run sends it there only with --allow-webhooks`
}
