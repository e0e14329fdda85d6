import { check } from '../../src/harness/check.ts'
import { expectAccepted } from '../../src/harness/verify.ts'

// The header's enum is "true" and "false"; both must be accepted on delete, each on its own message.
check('msg.delete.webhook-header', async ({ messages, seedMessage }) => {
  for (const value of ['true', 'false']) {
    const seeded = await seedMessage({ Body: `delete me, webhooks ${value}` })
    expectAccepted(await messages.remove(seeded.sid, { 'X-Twilio-Webhook-Enabled': value }), `X-Twilio-Webhook-Enabled: ${value}`)
  }
})
