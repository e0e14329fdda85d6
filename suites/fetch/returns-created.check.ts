import { check } from '../../src/harness/check.ts'
import { expectMessage, expectSameJson, expectStatus } from '../../src/harness/verify.ts'

check('msg.fetch.returns-created', async ({ messages, scope, seedMessage }) => {
  const created = await seedMessage({ Body: 'fetch me', Author: 'conformance-author', Attributes: '{"a":1}' })
  const res = await messages.fetch(created.sid)
  expectStatus(res, 200)
  expectSameJson(expectMessage(res, scope), created, 'the fetched message is not what create returned', res)
})
