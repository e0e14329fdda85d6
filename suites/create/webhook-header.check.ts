import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'
import { TRUE_NOT_SENT, webhookValues } from './webhook-header.ts'

// The header's enum is "true" and "false"; both must be accepted (false only suppresses webhooks, which this suite
// cannot see, so acceptance, and the message stored as sent in every view, is what is checked). A twilio.com target
// gets "true" only with --allow-webhooks.
check('msg.create.webhook-header', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const views = await EveryView.begin(ctx)
  const values = webhookValues(config, triedValues('msg.create.webhook-header', 'X-Twilio-Webhook-Enabled').map(({ value }) => value))
  for (const value of values) {
    const res = await messages.create({ Body: `webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectAccepted(res, `X-Twilio-Webhook-Enabled: ${value}`)
    views.wrote(expectMessage(res, scope).sid, shows('body', `webhooks ${value}`))
  }
  if (!values.includes('true')) observe(TRUE_NOT_SENT)
  await views.verify()
})
