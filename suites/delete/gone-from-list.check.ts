import { check } from '../../src/harness/check.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

// Two messages, one deleted: the list (every page of it) must still show the other and no longer the deleted one.
check('msg.delete.gone-from-list', async (ctx) => {
  const { messages, seedMessage } = ctx
  const doomed = await seedMessage({ Body: 'to be deleted' })
  const kept = await seedMessage({ Body: 'to be kept' })
  const removed = await messages.remove(doomed.sid)
  // Whether delete answers 204 is msg.delete.status-204-empty; here it only has to have worked.
  if (removed.response.status < 200 || removed.response.status > 299) throw new SetupFailure(`delete answered ${removed.response.status}`, removed)
  const listed = await listAllShowing(ctx, messages, { present: [kept.sid], absent: [doomed.sid] })
  const last = listed.pages.at(-1)!
  // A list that does not answer is msg.list.*'s business; here it is a precondition.
  if (listed.stoppedBecause !== undefined) throw new SetupFailure(`could not list the messages: ${listed.stoppedBecause}`, last)
  const sids = listed.messages.map((m) => (m as { sid?: unknown } | null)?.sid)
  // Without the kept message the list proves nothing (an empty list also lacks the deleted one).
  if (!sids.some((s) => sameSid(s, kept.sid))) throw new SetupFailure(`the list does not show ${kept.sid}, which was not deleted`, last)
  expectThat(!sids.some((s) => sameSid(s, doomed.sid)), `the deleted message ${doomed.sid} is still listed`, last)
})
