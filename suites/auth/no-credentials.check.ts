import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

check('msg.auth.no-credentials', async ({ api, conversation, seedMessage }) => {
  const created = await seedMessage()
  const anonymous = api.messages(conversation, 'none')
  expectTwilioError(await anonymous.fetch(created.sid), { status: 401, code: 20003 })
  expectTwilioError(await anonymous.create({ Body: 'should never be stored' }), { status: 401, code: 20003 })
})
