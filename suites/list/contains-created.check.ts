import { check } from '../../src/harness/check.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { expectPage, expectSameJson, expectThat } from '../../src/harness/verify.ts'

// The list may show a new message a moment late (settled): one that never shows it fails with its last answer.
check('msg.list.contains-created', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const created = await seedMessage({ Body: 'list me' })
  const res = await listShowing(ctx, messages, { present: [created.sid] })
  const page = expectPage(res, scope)
  const listed = page.messages.find((m) => m.sid === created.sid)
  expectThat(listed !== undefined, `the list does not contain the message ${created.sid} just created`, res)
  expectSameJson(listed, created, 'the listed message is not what create returned', res)
})
