import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus, expectThat } from '../../src/harness/verify.ts'

const instant = (date: string | null): number => (date === null ? NaN : Date.parse(date))

// Before the edit date_updated may be null ("null if the message has not been edited") or a date; after it, it must
// be a date, not earlier than before nor than date_created. Dates have one-second resolution, so equal is allowed.
check('msg.update.date-updated-advances', async ({ messages, scope, seedMessage, observe }) => {
  const seeded = await seedMessage({ Body: 'before the edit' })
  observe(`date_updated before any edit: ${seeded.date_updated === null ? 'null' : 'a date'}`)
  const res = await messages.update(seeded.sid, { Body: 'after the edit' })
  expectStatus(res, 200)
  const updated = expectMessage(res, scope)
  const after = instant(updated.date_updated)
  expectThat(!Number.isNaN(after), `date_updated after an edit is ${JSON.stringify(updated.date_updated)}, expected a date`, res)
  const created = instant(updated.date_created)
  expectThat(!(after < created), `date_updated ${updated.date_updated} is earlier than date_created ${updated.date_created}`, res)
  const before = instant(seeded.date_updated)
  expectThat(!(after < before), `date_updated went back from ${seeded.date_updated} to ${updated.date_updated} in an edit`, res)
})
