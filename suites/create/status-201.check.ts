import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus } from '../../src/harness/verify.ts'

check('msg.create.status-201', async ({ messages }) => {
  const res = await messages.create({ Body: 'Ahoy from the conformance suite' })
  expectStatus(res, 201)
  expectMessage(res)
})
