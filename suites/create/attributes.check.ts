import fc from 'fast-check'
import { attributesJson, triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectSameJson, expectThat, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'

// Property: Attributes holding any JSON value (not only objects) come back as a string encoding the same value.
// A server may re-serialise (spacing, key order, number spelling), so the values are compared, not the text.
check('msg.create.attributes', async (ctx) => {
  const { messages, scope, property } = ctx
  const views = await EveryView.begin(ctx)
  await property(
    fc.asyncProperty(attributesJson, async (attrs) => {
      const created = await messages.create({ Body: 'with attributes', Attributes: attrs })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(typeof message.attributes === 'string', `attributes is ${JSON.stringify(message.attributes)}, not a string`, created)
      expectSameJson(jsonValueOf(message.attributes), JSON.parse(attrs), `attributes ${message.attributes.slice(0, 80)} do not encode the Attributes sent (${attrs.slice(0, 80)})`, created)
      await views.wroteInProperty(message.sid, (m) => (firstDifference(jsonValueOf(m['attributes']), JSON.parse(attrs), '') === undefined ? undefined : `attributes ${JSON.stringify(m['attributes']).slice(0, 80)} do not encode the Attributes sent (${attrs.slice(0, 80)})`))
    }),
    // Always tried: every input class of Attributes (src/arbitraries/classes.ts), among them JSON values that are not
    // objects, which a server might wrongly refuse or replace.
    { numRuns: Math.min(ctx.profile.numRuns, 16), examples: triedValues('msg.create.attributes', 'Attributes').map(({ value }) => [value] as [string]) },
  )
  // Every view of the messages the property wrote and has not read back yet.
  await views.verify()
})
