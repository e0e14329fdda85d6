import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

check('msg.delete.update-after-delete', async ({ messages, seedMessage }) => {
  const created = await seedMessage()
  const removed = await messages.remove(created.sid)
  // Whether delete answers 204 is msg.delete.status-204-empty; here it only has to have worked.
  if (removed.response.status < 200 || removed.response.status > 299) throw new SetupFailure(`delete answered ${removed.response.status}`, removed)
  expectTwilioError(await messages.update(created.sid, { Body: 'edit after delete' }), { status: 404 })
})
