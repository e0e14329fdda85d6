import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { fetchAfterDelete } from '../../src/harness/reads.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// A target may serve a deleted message a moment longer (settled); one that keeps serving it, through either URL
// scope, fails. A fetch of it answers 404 with a Twilio error.
check('msg.delete.use-after-free', async (ctx) => {
  const { messages, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const created = await seedMessage()
  const removed = await messages.remove(created.sid)
  // Whether delete answers 204 is msg.delete.status-204-empty; here it only has to have worked.
  if (removed.response.status < 200 || removed.response.status > 299) throw new SetupFailure(`delete answered ${removed.response.status}`, removed)
  await views.afterDelete(created.sid)
  expectTwilioError(await fetchAfterDelete(ctx, messages, created.sid), { status: 404 })
})
