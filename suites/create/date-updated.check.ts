import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat, sameInstant } from '../../src/harness/verify.ts'
import { pastDate } from './dates.ts'

// DateUpdated on create, as when importing an edited message; DateCreated is given too, some days earlier, so that
// the pair is consistent. Both are past instants drawn from the seed (never the doc's example dates). Instants are
// compared, not the text.
check('msg.create.date-updated', async ({ messages, scope, randomHex }) => {
  const hex = randomHex(4)
  const created = pastDate(hex)
  const updated = pastDate(hex, 3 * 86_400 + 3_723)
  const res = await messages.create({ Body: 'imported, edited once', DateCreated: created, DateUpdated: updated })
  expectAccepted(res)
  const message = expectMessage(res, scope)
  expectThat(sameInstant(message.date_updated, updated), `date_updated is ${JSON.stringify(message.date_updated)}, sent DateUpdated ${updated}`, res)
})
