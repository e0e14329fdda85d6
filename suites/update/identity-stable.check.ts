import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus, expectThat, sameInstant } from '../../src/harness/verify.ts'

// The message is seeded with a DateCreated in the past, so a server that re-stamps date_created on an edit shows it
// even within the same second. Instants are compared, not the text.
check('msg.update.identity-stable', async ({ messages, scope, seedMessage }) => {
  const seeded = await seedMessage({ Body: 'before the edit', DateCreated: '2015-12-16T22:18:37Z' })
  const res = await messages.update(seeded.sid, { Body: 'after the edit', Attributes: '{"edited":true}' })
  expectStatus(res, 200)
  const updated = expectMessage(res, scope)
  expectThat(updated.sid === seeded.sid, `sid changed in an update from ${seeded.sid} to ${updated.sid}`, res)
  expectThat(updated.index === seeded.index, `index changed in an update from ${seeded.index} to ${updated.index}`, res)
  expectThat(sameInstant(updated.date_created, seeded.date_created), `date_created changed in an update from ${seeded.date_created} to ${updated.date_created}`, res)
})
