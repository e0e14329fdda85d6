import { triedDates } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat, sameSecond } from '../../src/harness/verify.ts'
import { pastDate, pastSeconds, refusedAsAllowed } from './dates.ts'

// DateUpdated on create, as when importing an edited message; DateCreated is given too, some days earlier, so that
// the pair is consistent. Both are past instants drawn from the seed (never the doc's example dates); DateUpdated is
// sent in every RFC 3339 form (src/arbitraries/classes.ts). Instants are compared, to the second, not the text.
check('msg.create.date-updated', async (ctx) => {
  const { messages, scope, randomHex } = ctx
  const views = await EveryView.begin(ctx)
  const hex = randomHex(4)
  const created = pastDate(hex)
  for (const date of triedDates('msg.create.date-updated', 'DateUpdated', pastSeconds(hex) + 3 * 86_400 + 3_723)) {
    const { cls, value } = date
    const res = await messages.create({ Body: `imported, edited once (${cls})`, DateCreated: created, DateUpdated: value })
    if (refusedAsAllowed(ctx, res, date, 'DateUpdated')) continue
    expectAccepted(res, `DateUpdated ${value} (${cls}) is an RFC 3339 date-time`)
    const message = expectMessage(res, scope)
    expectThat(sameSecond(message.date_updated, value), `date_updated is ${JSON.stringify(message.date_updated)}, sent DateUpdated ${value} (${cls})`, res)
    const judge: Judge = (m) => (sameSecond(m['date_updated'], value) ? undefined : `date_updated is ${JSON.stringify(m['date_updated'])}, sent DateUpdated ${value} (${cls})`)
    views.wrote(message.sid, judge)
  }
  await views.verify()
})
