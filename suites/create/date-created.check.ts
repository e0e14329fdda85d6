import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat, sameInstant } from '../../src/harness/verify.ts'
import { pastDate } from './dates.ts'

// An instant well in the past, drawn from the seed (never the doc's example date), so it can be confused neither with
// the server's clock nor with an answer copied from the doc. The server may write it with fractional seconds or
// another offset: the instants are compared, not the text.
check('msg.create.date-created', async ({ messages, scope, randomHex }) => {
  const when = pastDate(randomHex(4))
  const created = await messages.create({ Body: 'imported from another system', DateCreated: when })
  expectAccepted(created)
  const message = expectMessage(created, scope)
  expectThat(sameInstant(message.date_created, when), `date_created is ${JSON.stringify(message.date_created)}, sent DateCreated ${when}`, created)
})
