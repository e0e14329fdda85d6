import { check } from '../../src/harness/check.ts'
import { allOf, EveryView, type Judge, shows } from '../../src/harness/every-view.ts'
import { expectMessage, expectSameJson, expectStatus, expectThat, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'

// Two partial updates, so that each field is left out at least once: Body alone (author and attributes must stay),
// then Attributes alone (author and the new body must stay), each read back through every view. attributes is
// compared by value: a server may re-serialise JSON.
check('msg.update.only-given-fields', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'original body', Author: 'original-author', Attributes: '{"keep":"me"}' })
  const attributesAre = (value: unknown): Judge => (m) => (firstDifference(jsonValueOf(m['attributes']), value, '') === undefined ? undefined : `attributes are ${JSON.stringify(m['attributes'])}, expected ${JSON.stringify(value)}`)

  const first = await messages.update(seeded.sid, { Body: 'edited body' })
  expectStatus(first, 200)
  const afterBody = expectMessage(first, scope)
  expectThat(afterBody.author === seeded.author, `an update of Body alone changed author from ${JSON.stringify(seeded.author)} to ${JSON.stringify(afterBody.author)}`, first)
  expectSameJson(jsonValueOf(afterBody.attributes), jsonValueOf(seeded.attributes), 'an update of Body alone changed attributes', first)
  await views.afterWrite(seeded.sid, allOf(shows('body', 'edited body'), shows('author', seeded.author), attributesAre(jsonValueOf(seeded.attributes))))

  const second = await messages.update(seeded.sid, { Attributes: '{"edited":true}' })
  expectStatus(second, 200)
  const afterAttributes = expectMessage(second, scope)
  expectThat(afterAttributes.body === 'edited body', `an update of Attributes alone changed body to ${JSON.stringify(afterAttributes.body)}`, second)
  expectThat(afterAttributes.author === seeded.author, `an update of Attributes alone changed author to ${JSON.stringify(afterAttributes.author)}`, second)
  await views.afterWrite(seeded.sid, allOf(shows('body', 'edited body'), shows('author', seeded.author), attributesAre({ edited: true })))
})
