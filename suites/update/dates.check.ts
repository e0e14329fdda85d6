import { triedDates } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import { expectMessage, expectStatus, expectThat, sameSecond } from '../../src/harness/verify.ts'
import { refusedAsAllowed } from '../create/dates.ts'

// Dates far from now and from each other, so neither can be mistaken for the server's clock, each sent in the RFC
// 3339 forms of src/arbitraries/classes.ts (offsets, fractions, lower case). Instants are compared, to the second.
const CREATED = Date.UTC(2016, 0, 2, 3, 4, 5) / 1000
const UPDATED = Date.UTC(2017, 5, 7, 8, 9, 10) / 1000

check('msg.update.dates', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const created = triedDates('msg.update.dates', 'DateCreated', CREATED)
  const updated = triedDates('msg.update.dates', 'DateUpdated', UPDATED)
  for (let i = 0; i < Math.max(created.length, updated.length); i++) {
    const c = created[i % created.length]!
    const u = updated[i % updated.length]!
    // One message per pair of forms, so one reading of every view serves all the edits.
    const seeded = await seedMessage({ Body: `to be re-dated (${c.cls}, ${u.cls})` })
    const res = await messages.update(seeded.sid, { DateCreated: c.value, DateUpdated: u.value })
    // A pair with a form the target may refuse (lower-case t and z), refused: that is the reading, not a failure.
    if (refusedAsAllowed(ctx, res, c.mayRefuse ? c : u, c.mayRefuse ? 'DateCreated' : 'DateUpdated')) continue
    expectStatus(res, 200, `DateCreated ${c.value} (${c.cls}) and DateUpdated ${u.value} (${u.cls}) are RFC 3339 date-times`)
    const message = expectMessage(res, scope)
    expectThat(sameSecond(message.date_created, c.value), `date_created is ${JSON.stringify(message.date_created)} after an update with DateCreated ${c.value} (${c.cls})`, res)
    expectThat(sameSecond(message.date_updated, u.value), `date_updated is ${JSON.stringify(message.date_updated)} after an update with DateUpdated ${u.value} (${u.cls})`, res)
    const judge: Judge = (m) =>
      !sameSecond(m['date_created'], c.value) ? `date_created is ${JSON.stringify(m['date_created'])}, sent DateCreated ${c.value} (${c.cls})`
      : !sameSecond(m['date_updated'], u.value) ? `date_updated is ${JSON.stringify(m['date_updated'])}, sent DateUpdated ${u.value} (${u.cls})`
      : undefined
    views.wrote(seeded.sid, judge)
  }
  await views.verify()
})
