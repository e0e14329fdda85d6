import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted } from '../../src/harness/verify.ts'
import { TRUE_NOT_SENT, webhookValues } from '../create/webhook-header.ts'

// The header's enum is "true" and "false"; both must be accepted on delete, each on its own message, and the message
// gone from every view while its neighbour stays. A twilio.com target gets "true" only with --allow-webhooks.
check('msg.delete.webhook-header', async (ctx) => {
  const { messages, seedMessage, config, observe } = ctx
  const views = await EveryView.begin(ctx)
  const values = webhookValues(config, triedValues('msg.delete.webhook-header', 'X-Twilio-Webhook-Enabled').map(({ value }) => value))
  for (const value of values) {
    const seeded = await seedMessage({ Body: `delete me, webhooks ${value}` })
    expectAccepted(await messages.remove(seeded.sid, { 'X-Twilio-Webhook-Enabled': value }), `X-Twilio-Webhook-Enabled: ${value}`)
    await views.afterDelete(seeded.sid)
  }
  if (!values.includes('true')) observe(TRUE_NOT_SENT)
})
