import { check } from '../../src/harness/check.ts'
import { fetchAfterDelete, fetchStillThere } from '../../src/harness/reads.ts'
import { expectAccepted, expectRejected, expectStatus, expectTwilioError } from '../../src/harness/verify.ts'

// The doc gives no reaction to an empty X-Twilio-Webhook-Enabled, so both readings are conformant: read as not given
// (the message is deleted: a fetch, once the target no longer serves it, answers 404) or refused as a validation error
// (the message is still there). Never a 5xx, and never refused with the message deleted all the same.
check('msg.delete.webhook-header-empty', async (ctx) => {
  const { messages, seedMessage, observe } = ctx
  const seeded = await seedMessage({ Body: 'conformance: deleted with an empty webhook header, or not at all' })
  const res = await messages.remove(seeded.sid, { 'X-Twilio-Webhook-Enabled': '' })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, 'a delete with an empty X-Twilio-Webhook-Enabled header')
    const fetched = await fetchStillThere(ctx, messages, seeded.sid)
    expectStatus(fetched, 200, `the delete with an empty X-Twilio-Webhook-Enabled header was refused, so the message ${seeded.sid} should still be there`)
    observe(`delete with an empty X-Twilio-Webhook-Enabled header: refused with ${res.response.status}`)
    return
  }
  expectAccepted(res, 'a delete with an empty X-Twilio-Webhook-Enabled header is either read as not given or refused as a validation error')
  expectTwilioError(await fetchAfterDelete(ctx, messages, seeded.sid), { status: 404 })
  observe('delete with an empty X-Twilio-Webhook-Enabled header: accepted, read as not given')
})
