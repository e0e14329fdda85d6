import { check } from '../../src/harness/check.ts'
import { expectRejected, expectStatus } from '../../src/harness/verify.ts'

// As msg.create.webhook-header-invalid, for delete: values people write instead of true and false (a yes, a 1), each
// under another spelling of the header name (names are case-insensitive; HTTP/2 clients and fetch() send them in lower
// case). A refused delete deletes nothing: afterwards the message is still there.
const INVALID: ReadonlyArray<readonly [string, string]> = [
  ['X-Twilio-Webhook-Enabled', 'yes'],
  ['x-twilio-webhook-enabled', '1'],
]

check('msg.delete.webhook-header-invalid', async (ctx) => {
  const { messages, seedMessage } = ctx
  const seeded = await seedMessage({ Body: 'conformance: must survive deletes with an invalid webhook header' })
  for (const [name, value] of INVALID) {
    expectRejected(await messages.remove(seeded.sid, { [name]: value }), `a delete with ${name}: ${value} (the enum is true, false)`)
  }
  // Settled: a fetch that does not find the message yet is the target's lag, not an answer.
  const fetched = await ctx.settle(() => messages.fetch(seeded.sid), (ex) => ex.response.status === 200)
  expectStatus(fetched, 200, `the message ${seeded.sid} should still be there after deletes refused for their webhook header`)
})
