import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { SetupFailure } from '../../src/harness/failure.ts'

// A neighbour (src/harness/every-view.ts plants it) and a message that is deleted: every list, in both URL scopes and
// both orders, every page of it, must still show the neighbour, unchanged, and no longer the deleted one. Without the
// neighbour the list would prove nothing (an empty list also lacks the deleted one).
check('msg.delete.gone-from-list', async (ctx) => {
  const { messages, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const doomed = await seedMessage({ Body: 'to be deleted' })
  const removed = await messages.remove(doomed.sid)
  // Whether delete answers 204 is msg.delete.status-204-empty; here it only has to have worked.
  if (removed.response.status < 200 || removed.response.status > 299) throw new SetupFailure(`delete answered ${removed.response.status}`, removed)
  await views.afterDelete(doomed.sid)
})
