import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectMessage, expectStatus } from '../../src/harness/verify.ts'
import { TRUE_NOT_SENT, webhookValues } from '../create/webhook-header.ts'

// The header's enum is "true" and "false"; both must be accepted on update, each on its own message, and the edit
// applied in every view. A twilio.com target gets "true" only with --allow-webhooks.
check('msg.update.webhook-header', async (ctx) => {
  const { messages, scope, seedMessage, config, observe } = ctx
  const views = await EveryView.begin(ctx)
  const values = webhookValues(config, triedValues('msg.update.webhook-header', 'X-Twilio-Webhook-Enabled').map(({ value }) => value))
  for (const value of values) {
    const seeded = await seedMessage()
    const res = await messages.update(seeded.sid, { Body: `edited, webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectStatus(res, 200, `X-Twilio-Webhook-Enabled: ${value}`)
    views.wrote(expectMessage(res, scope).sid, shows('body', `edited, webhooks ${value}`))
  }
  if (!values.includes('true')) observe(TRUE_NOT_SENT)
  await views.verify()
})
