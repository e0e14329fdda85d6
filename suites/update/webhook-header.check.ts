import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectMessage, expectStatus } from '../../src/harness/verify.ts'

// The header's enum is "true" and "false"; both must be accepted on update, each on its own message, and the edit
// applied in every view.
check('msg.update.webhook-header', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  for (const { value } of triedValues('msg.update.webhook-header', 'X-Twilio-Webhook-Enabled')) {
    const seeded = await seedMessage()
    const res = await messages.update(seeded.sid, { Body: `edited, webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectStatus(res, 200, `X-Twilio-Webhook-Enabled: ${value}`)
    views.wrote(expectMessage(res, scope).sid, shows('body', `edited, webhooks ${value}`))
  }
  await views.verify()
})
