import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat, sameInstant } from '../../src/harness/verify.ts'

// An instant well in the past (the doc's own example date), so it cannot be confused with the server's clock. The
// server may write it with fractional seconds or another offset: the instants are compared, not the text.
const WHEN = '2015-12-16T22:18:37Z'

check('msg.create.date-created', async ({ messages, scope }) => {
  const created = await messages.create({ Body: 'imported from another system', DateCreated: WHEN })
  expectAccepted(created)
  const message = expectMessage(created, scope)
  expectThat(sameInstant(message.date_created, WHEN), `date_created is ${JSON.stringify(message.date_created)}, sent DateCreated ${WHEN}`, created)
})
