import type { MessageParams } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { fetchStillThere } from '../../src/harness/reads.ts'
import { expectMessage, expectRejected, expectStatus, expectThat, sameInstant } from '../../src/harness/verify.ts'
import { NOT_RFC3339_DATES, pastDate } from '../create/dates.ts'

// As msg.create.date-invalid, for update: not RFC 3339 date-times (no time zone, a day or a month that does not exist,
// plain words) in each date parameter. Each invalid update also carries a valid Body, so a server that ignores the bad
// date and applies the rest, or writes fields before it has validated them all, is caught: afterwards the message
// must be as seeded (dates seeded in the past from the check's seed, so the server's clock cannot match them).
const NOT_DATES = [...NOT_RFC3339_DATES, ['DateUpdated', 'now'] as const]

check('msg.update.date-invalid', async (ctx) => {
  const { messages, scope, seedMessage, randomHex } = ctx
  const hex = randomHex(4)
  const created = pastDate(hex)
  const updated = pastDate(hex, 3 * 86_400 + 1_234)
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'conformance: unchanged by badly dated updates', DateCreated: created, DateUpdated: updated })
  views.keep(seeded)
  for (const [name, value] of NOT_DATES) {
    const params: MessageParams = { Body: `badly dated: ${name} ${value}`, [name]: value }
    expectRejected(await messages.update(seeded.sid, params), `an update with ${name} ${JSON.stringify(value)}`)
  }
  const fetched = await fetchStillThere(ctx, messages, seeded.sid)
  expectStatus(fetched, 200)
  const now = expectMessage(fetched, scope)
  expectThat(now.body === seeded.body, `after updates refused for their dates, body is ${JSON.stringify(now.body)}, was ${JSON.stringify(seeded.body)}`, fetched)
  expectThat(sameInstant(now.date_created, seeded.date_created), `after updates refused for their dates, date_created is ${JSON.stringify(now.date_created)}, was ${JSON.stringify(seeded.date_created)}`, fetched)
  expectThat(sameInstant(now.date_updated, seeded.date_updated), `after updates refused for their dates, date_updated is ${JSON.stringify(now.date_updated)}, was ${JSON.stringify(seeded.date_updated)}`, fetched)
  await views.unchanged()
})
