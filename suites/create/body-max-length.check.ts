import { BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// Exactly at the limit, in ASCII, so characters, code points, UTF-16 units and bytes all count 1,600.
check('msg.create.body-max-length', async (ctx) => {
  const { messages, scope } = ctx
  const views = await EveryView.begin(ctx)
  const body = 'Ahoy! '.repeat(Math.ceil(BODY_LIMIT / 6)).slice(0, BODY_LIMIT - 1) + '.'
  const created = await messages.create({ Body: body })
  expectAccepted(created, 'a Body of exactly 1,600 characters must be accepted')
  const message = expectMessage(created, scope)
  expectThat(message.body === body, `the 1,600-character body came back as ${message.body?.length ?? 'null'} characters`, created)
  await views.afterWrite(message.sid, shows('body', body))
})
