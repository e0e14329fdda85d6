import { triedDates } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat, sameSecond } from '../../src/harness/verify.ts'
import { pastSeconds, refusedAsAllowed } from './dates.ts'

// An instant well in the past, drawn from the seed (never the doc's example date), so it can be confused neither with
// the server's clock nor with an answer copied from the doc, sent in every RFC 3339 form (src/arbitraries/classes.ts:
// Z, +00:00, -07:00, +05:30, fractions, lower-case t and z). The server may write it with fractional seconds or
// another offset: the instants are compared, to the second, not the text.
check('msg.create.date-created', async (ctx) => {
  const { messages, scope, randomHex } = ctx
  const views = await EveryView.begin(ctx)
  for (const date of triedDates('msg.create.date-created', 'DateCreated', pastSeconds(randomHex(4)))) {
    const { cls, value } = date
    const created = await messages.create({ Body: `imported from another system (${cls})`, DateCreated: value })
    if (refusedAsAllowed(ctx, created, date, 'DateCreated')) continue
    expectAccepted(created, `DateCreated ${value} (${cls}) is an RFC 3339 date-time`)
    const message = expectMessage(created, scope)
    expectThat(sameSecond(message.date_created, value), `date_created is ${JSON.stringify(message.date_created)}, sent DateCreated ${value} (${cls})`, created)
    const judge: Judge = (m) => (sameSecond(m['date_created'], value) ? undefined : `date_created is ${JSON.stringify(m['date_created'])}, sent DateCreated ${value} (${cls})`)
    views.wrote(message.sid, judge)
  }
  await views.verify()
})
