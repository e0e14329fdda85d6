import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { fetchStillThere } from '../../src/harness/reads.ts'
import { expectRejected, expectStatus } from '../../src/harness/verify.ts'
import { INVALID_WEBHOOK_HEADERS } from '../create/webhook-header.ts'

// As msg.create.webhook-header-invalid, for delete: values people write instead of true and false (a yes, a 1), each
// under another spelling of the header name (names are case-insensitive; HTTP/2 clients and fetch() send them in lower
// case). A refused delete deletes nothing: afterwards the message is still there.
check('msg.delete.webhook-header-invalid', async (ctx) => {
  const { messages, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'conformance: must survive deletes with an invalid webhook header' })
  views.keep(seeded)
  for (const [name, value] of INVALID_WEBHOOK_HEADERS) {
    expectRejected(await messages.remove(seeded.sid, { [name]: value }), `a delete with ${name}: ${value} (the enum is true, false)`)
  }
  const fetched = await fetchStillThere(ctx, messages, seeded.sid)
  expectStatus(fetched, 200, `the message ${seeded.sid} should still be there after deletes refused for their webhook header`)
  // Still there, unchanged, in every view; and so is its neighbour.
  await views.unchanged()
})
