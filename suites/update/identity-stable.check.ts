import { check } from '../../src/harness/check.ts'
import { requireReal } from '../../src/harness/evidence-guards.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectMessage, expectStatus, expectThat, sameInstant } from '../../src/harness/verify.ts'
import { pastDate } from '../create/dates.ts'

// The message is seeded with a DateCreated years in the past (drawn from the seed, not the doc's example date), so a
// server that re-stamps date_created on an edit shows it even within the same second. Instants are compared.
check('msg.update.identity-stable', async (ctx) => {
  const { messages, scope, seedMessage, randomHex } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'before the edit', DateCreated: pastDate(randomHex(4)) })
  // The same SID before and after proves nothing when every answer carries the examples' IMaaaa….
  requireReal(ctx, seeded.sid, 'the SID of the message the target created')
  const res = await messages.update(seeded.sid, { Body: 'after the edit', Attributes: '{"edited":true}' })
  expectStatus(res, 200)
  const updated = expectMessage(res, scope)
  expectThat(updated.sid === seeded.sid, `sid changed in an update from ${seeded.sid} to ${updated.sid}`, res)
  expectThat(updated.index === seeded.index, `index changed in an update from ${seeded.index} to ${updated.index}`, res)
  expectThat(sameInstant(updated.date_created, seeded.date_created), `date_created changed in an update from ${seeded.date_created} to ${updated.date_created}`, res)
  await views.afterWrite(seeded.sid, (m) =>
    m['index'] !== seeded.index ? `index is ${JSON.stringify(m['index'])} after an update, was ${seeded.index}`
    : !sameInstant(m['date_created'] as string, seeded.date_created) ? `date_created is ${JSON.stringify(m['date_created'])} after an update, was ${seeded.date_created}`
    : m['body'] !== 'after the edit' ? `body is ${JSON.stringify(m['body'])}, not the edited "after the edit"`
    : undefined)
})
