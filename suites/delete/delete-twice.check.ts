import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// Delete is not idempotent in this API: the second delete names a message that no longer exists.
check('msg.delete.delete-twice', async ({ messages, seedMessage }) => {
  const created = await seedMessage()
  const first = await messages.remove(created.sid)
  // Whether the first delete answers 204 is msg.delete.status-204-empty; here it only has to have worked.
  if (first.response.status < 200 || first.response.status > 299) throw new SetupFailure(`delete answered ${first.response.status}`, first)
  expectTwilioError(await messages.remove(created.sid), { status: 404 })
})
