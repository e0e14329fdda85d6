import { check } from '../../src/harness/check.ts'
import { expectStatus, expectThat } from '../../src/harness/verify.ts'

check('msg.delete.status-204-empty', async ({ messages, seedMessage }) => {
  const created = await seedMessage()
  const res = await messages.remove(created.sid)
  expectStatus(res, 204)
  expectThat(res.response.text === '', `a 204 must have no body, got ${res.response.text.length} bytes`, res)
})
