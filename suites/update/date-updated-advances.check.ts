import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { instant, pastDate } from '../create/dates.ts'

// Time-controlled, so nothing rests on two requests landing in different seconds:
// - a message imported with DateCreated and DateUpdated years in the past (drawn from the seed, never the doc's
//   example dates), then edited: its date_updated must now be strictly later than the seeded DateUpdated (an edit that
//   does not stamp date_updated keeps the past date) and not earlier than date_created;
// - a message made now, then edited: date_updated must not be earlier than its date_created (a clock in another time
//   zone, labelled Z, lies hours before it). Before the edit date_updated may be null ("null if the message has not
//   been edited") or a date; that is observed.
check('msg.update.date-updated-advances', async (ctx) => {
  const { messages, scope, seedMessage, randomHex, observe } = ctx
  const views = await EveryView.begin(ctx)
  // Every view shows the date_updated the edit answered with.
  const stampedAs = (date: unknown): Judge => (m) => (instant(m['date_updated']) === instant(date) ? undefined : `date_updated is ${JSON.stringify(m['date_updated'])}, the edit answered ${JSON.stringify(date)}`)
  const hex = randomHex(4)
  const seededCreated = pastDate(hex)
  const seededUpdated = pastDate(hex, 5 * 86_400 + 7_384)
  const imported = await seedMessage({ Body: 'imported, before the edit', DateCreated: seededCreated, DateUpdated: seededUpdated })
  const editedImport = await messages.update(imported.sid, { Body: 'imported, after the edit' })
  expectAccepted(editedImport, 'an edit of Body')
  const afterImport = expectMessage(editedImport, scope)
  const stamped = instant(afterImport.date_updated)
  expectThat(!Number.isNaN(stamped), `date_updated after an edit is ${JSON.stringify(afterImport.date_updated)}, expected a date`, editedImport)
  expectThat(stamped > instant(seededUpdated), `date_updated is ${afterImport.date_updated} after an edit of a message whose DateUpdated was ${seededUpdated}: the edit did not stamp it`, editedImport)
  expectThat(!(stamped < instant(afterImport.date_created)), `date_updated ${afterImport.date_updated} is earlier than date_created ${afterImport.date_created} after an edit`, editedImport)
  views.wrote(imported.sid, stampedAs(afterImport.date_updated))

  const fresh = await seedMessage({ Body: 'made now, before the edit' })
  observe(`date_updated before any edit: ${fresh.date_updated === null ? 'null' : 'a date'}`)
  const editedFresh = await messages.update(fresh.sid, { Body: 'made now, after the edit' })
  expectAccepted(editedFresh, 'an edit of Body')
  const afterFresh = expectMessage(editedFresh, scope)
  const after = instant(afterFresh.date_updated)
  expectThat(!Number.isNaN(after), `date_updated after an edit is ${JSON.stringify(afterFresh.date_updated)}, expected a date`, editedFresh)
  expectThat(!(after < instant(afterFresh.date_created)), `date_updated ${afterFresh.date_updated} is earlier than date_created ${afterFresh.date_created} after an edit`, editedFresh)
  expectThat(!(after < instant(fresh.date_updated)), `date_updated went back from ${fresh.date_updated} to ${afterFresh.date_updated} in an edit`, editedFresh)
  views.wrote(fresh.sid, stampedAs(afterFresh.date_updated))
  await views.verify()
})
