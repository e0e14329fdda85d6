import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus } from '../../src/harness/verify.ts'

// The header's enum is "true" and "false"; both must be accepted on update.
check('msg.update.webhook-header', async ({ messages, scope, seedMessage }) => {
  const seeded = await seedMessage()
  for (const value of ['true', 'false']) {
    const res = await messages.update(seeded.sid, { Body: `edited, webhooks ${value}` }, { 'X-Twilio-Webhook-Enabled': value })
    expectStatus(res, 200, `X-Twilio-Webhook-Enabled: ${value}`)
    expectMessage(res, scope)
  }
})
