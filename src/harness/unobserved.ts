/**
 * What an acceptance-only check cannot see, by requirement: its pass says the target accepted the request and
 * answered as documented, not that the effect behind it happened. check() adds the line to the observations of every
 * pass of these requirements, so a report never reads more into such a pass than it shows.
 */
export const UNOBSERVED: Readonly<Record<string, string>> = {
  'msg.create.status-201': 'not observed here: whether the message was stored (msg.fetch.returns-created and msg.list.contains-created judge that)',
  'msg.create.subject': 'accepted; not observed: whether the Subject was stored, since no representation of a message shows it',
  'msg.create.webhook-header': 'accepted; the effect of X-Twilio-Webhook-Enabled (webhooks fired or not) is not observable here',
  'msg.update.webhook-header': 'accepted; the effect of X-Twilio-Webhook-Enabled (webhooks fired or not) is not observable here',
  'msg.delete.webhook-header': 'accepted; the effect of X-Twilio-Webhook-Enabled (webhooks fired or not) is not observable here',
  'msg.delete.status-204-empty': 'not observed here: whether the message is gone (msg.delete.use-after-free and msg.delete.gone-from-list judge that)',
}
