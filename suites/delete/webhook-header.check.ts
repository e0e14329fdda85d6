import { check } from '../../src/harness/check.ts'
import { expectAccepted } from '../../src/harness/verify.ts'
import { TRUE_NOT_SENT, webhookValues } from '../create/webhook-header.ts'

// The header's enum is "true" and "false"; both must be accepted on delete, each on its own message. A twilio.com
// target gets "true" only with --allow-webhooks.
check('msg.delete.webhook-header', async ({ messages, seedMessage, config, observe }) => {
  const values = webhookValues(config)
  for (const value of values) {
    const seeded = await seedMessage({ Body: `delete me, webhooks ${value}` })
    expectAccepted(await messages.remove(seeded.sid, { 'X-Twilio-Webhook-Enabled': value }), `X-Twilio-Webhook-Enabled: ${value}`)
  }
  if (!values.includes('true')) observe(TRUE_NOT_SENT)
})
