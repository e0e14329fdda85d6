import { check } from '../../src/harness/check.ts'
import { expectPage, expectSameJson, expectThat } from '../../src/harness/verify.ts'

check('msg.list.contains-created', async ({ messages, scope, seedMessage }) => {
  const created = await seedMessage({ Body: 'list me' })
  const res = await messages.list()
  const page = expectPage(res, scope)
  const listed = page.messages.find((m) => m.sid === created.sid)
  expectThat(listed !== undefined, `the list does not contain the message ${created.sid} just created`, res)
  expectSameJson(listed, created, 'the listed message is not what create returned', res)
})
