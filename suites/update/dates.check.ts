import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus, expectThat, sameInstant } from '../../src/harness/verify.ts'

// Dates far from now and from each other, so neither can be mistaken for the server's clock. Instants are compared.
const CREATED = '2016-01-02T03:04:05Z'
const UPDATED = '2017-06-07T08:09:10Z'

check('msg.update.dates', async ({ messages, scope, seedMessage }) => {
  const seeded = await seedMessage({ Body: 'to be re-dated' })
  const res = await messages.update(seeded.sid, { DateCreated: CREATED, DateUpdated: UPDATED })
  expectStatus(res, 200)
  const updated = expectMessage(res, scope)
  expectThat(sameInstant(updated.date_created, CREATED), `date_created is ${JSON.stringify(updated.date_created)} after an update with DateCreated ${CREATED}`, res)
  expectThat(sameInstant(updated.date_updated, UPDATED), `date_updated is ${JSON.stringify(updated.date_updated)} after an update with DateUpdated ${UPDATED}`, res)
})
