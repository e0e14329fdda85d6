import { check } from '../../src/harness/check.ts'
import { expectMessage, expectSameJson, expectStatus, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

// Two partial updates, so that each field is left out at least once: Body alone (author and attributes must stay),
// then Attributes alone (author and the new body must stay). attributes is compared by value: a server may
// re-serialise JSON.
check('msg.update.only-given-fields', async ({ messages, scope, seedMessage }) => {
  const seeded = await seedMessage({ Body: 'original body', Author: 'original-author', Attributes: '{"keep":"me"}' })

  const first = await messages.update(seeded.sid, { Body: 'edited body' })
  expectStatus(first, 200)
  const afterBody = expectMessage(first, scope)
  expectThat(afterBody.author === seeded.author, `an update of Body alone changed author from ${JSON.stringify(seeded.author)} to ${JSON.stringify(afterBody.author)}`, first)
  expectSameJson(jsonValueOf(afterBody.attributes), jsonValueOf(seeded.attributes), 'an update of Body alone changed attributes', first)

  const second = await messages.update(seeded.sid, { Attributes: '{"edited":true}' })
  expectStatus(second, 200)
  const afterAttributes = expectMessage(second, scope)
  expectThat(afterAttributes.body === 'edited body', `an update of Attributes alone changed body to ${JSON.stringify(afterAttributes.body)}`, second)
  expectThat(afterAttributes.author === seeded.author, `an update of Attributes alone changed author to ${JSON.stringify(afterAttributes.author)}`, second)
})
