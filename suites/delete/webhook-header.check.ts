import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted } from '../../src/harness/verify.ts'

// The header's enum is "true" and "false"; both must be accepted on delete, each on its own message, and the message
// gone from every view while its neighbour stays.
check('msg.delete.webhook-header', async (ctx) => {
  const { messages, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  for (const { value } of triedValues('msg.delete.webhook-header', 'X-Twilio-Webhook-Enabled')) {
    const seeded = await seedMessage({ Body: `delete me, webhooks ${value}` })
    expectAccepted(await messages.remove(seeded.sid, { 'X-Twilio-Webhook-Enabled': value }), `X-Twilio-Webhook-Enabled: ${value}`)
    await views.afterDelete(seeded.sid)
  }
})
