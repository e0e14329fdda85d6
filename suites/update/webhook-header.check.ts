import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus } from '../../src/harness/verify.ts'
import { TRUE_NOT_SENT, webhookValues } from '../create/webhook-header.ts'

// The header's enum is "true" and "false"; both must be accepted on update. A twilio.com target gets "true" only
// with --allow-webhooks.
check('msg.update.webhook-header', async ({ messages, scope, seedMessage, config, observe }) => {
  const seeded = await seedMessage()
  const values = webhookValues(config)
  for (const value of values) {
    const res = await messages.update(seeded.sid, { Body: `edited, webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectStatus(res, 200, `X-Twilio-Webhook-Enabled: ${value}`)
    expectMessage(res, scope)
  }
  if (!values.includes('true')) observe(TRUE_NOT_SENT)
})
