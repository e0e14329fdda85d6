import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'
import { TRUE_NOT_SENT, webhookValues } from './webhook-header.ts'

// The header's enum is "true" and "false"; both must be accepted (false only suppresses webhooks, which this suite
// cannot see, so acceptance is what is checked). A twilio.com target gets "true" only with --allow-webhooks.
check('msg.create.webhook-header', async ({ messages, scope, config, observe }) => {
  const values = webhookValues(config)
  for (const value of values) {
    const res = await messages.create({ Body: `webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectAccepted(res, `X-Twilio-Webhook-Enabled: ${value}`)
    expectMessage(res, scope)
  }
  if (!values.includes('true')) observe(TRUE_NOT_SENT)
})
