import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'

// The header's enum is "true" and "false"; both must be accepted (false only suppresses webhooks, which this suite
// cannot see, so acceptance, and the message stored as sent in every view, is what is checked).
check('msg.create.webhook-header', async (ctx) => {
  const { messages, scope } = ctx
  const views = await EveryView.begin(ctx)
  for (const { value } of triedValues('msg.create.webhook-header', 'X-Twilio-Webhook-Enabled')) {
    const res = await messages.create({ Body: `webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectAccepted(res, `X-Twilio-Webhook-Enabled: ${value}`)
    views.wrote(expectMessage(res, scope).sid, shows('body', `webhooks ${value}`))
  }
  await views.verify()
})
