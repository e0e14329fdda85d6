import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { fetchShowingBody } from '../../src/harness/reads.ts'
import { expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'
import { INVALID_WEBHOOK_HEADERS } from '../create/webhook-header.ts'

// As msg.create.webhook-header-invalid, for update: values people write instead of true and false (a yes, a 1), each
// under another spelling of the header name (names are case-insensitive; HTTP/2 clients and fetch() send them in lower
// case). Each update also edits Body: a refused update changes nothing, so afterwards the message is as seeded.
check('msg.update.webhook-header-invalid', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'conformance: unchanged by updates with an invalid webhook header' })
  views.keep(seeded)
  for (const [name, value] of INVALID_WEBHOOK_HEADERS) {
    const res = await messages.update(seeded.sid, { Body: `edited, webhooks ${value}` }, { [name]: value })
    expectRejected(res, `an update with ${name}: ${value} (the enum is true, false)`)
  }
  const fetched = await fetchShowingBody(ctx, messages, seeded.sid, seeded.body)
  const now = expectMessage(fetched, scope)
  expectThat(now.body === seeded.body, `after updates refused for their webhook header, body is ${JSON.stringify(now.body)}, was ${JSON.stringify(seeded.body)}`, fetched)
  await views.unchanged()
})
