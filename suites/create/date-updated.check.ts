import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat, sameInstant } from '../../src/harness/verify.ts'

// DateUpdated on create, as when importing an edited message; DateCreated is given too so that the pair is
// consistent. Instants are compared, not the text.
const CREATED = '2015-12-16T22:18:37Z'
const UPDATED = '2016-03-01T08:00:00Z'

check('msg.create.date-updated', async ({ messages, scope }) => {
  const created = await messages.create({ Body: 'imported, edited once', DateCreated: CREATED, DateUpdated: UPDATED })
  expectAccepted(created)
  const message = expectMessage(created, scope)
  expectThat(sameInstant(message.date_updated, UPDATED), `date_updated is ${JSON.stringify(message.date_updated)}, sent DateUpdated ${UPDATED}`, created)
})
