import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'

// The header's enum is "true" and "false"; both must be accepted (false only suppresses webhooks, which this suite
// cannot see, so acceptance is what is checked).
check('msg.create.webhook-header', async ({ messages, scope }) => {
  for (const value of ['true', 'false']) {
    const res = await messages.create({ Body: `webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectAccepted(res, `X-Twilio-Webhook-Enabled: ${value}`)
    expectMessage(res, scope)
  }
})
