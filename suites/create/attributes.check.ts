import fc from 'fast-check'
import { attributesJson } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectSameJson, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

// Property: Attributes holding any JSON value (not only objects) come back as a string encoding the same value.
// A server may re-serialise (spacing, key order, number spelling), so the values are compared, not the text.
check('msg.create.attributes', async ({ messages, scope, property }) => {
  await property(
    fc.asyncProperty(attributesJson, async (attrs) => {
      const created = await messages.create({ Body: 'with attributes', Attributes: attrs })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(typeof message.attributes === 'string', `attributes is ${JSON.stringify(message.attributes)}, not a string`, created)
      expectSameJson(jsonValueOf(message.attributes), JSON.parse(attrs), `attributes ${message.attributes.slice(0, 80)} do not encode the Attributes sent (${attrs.slice(0, 80)})`, created)
    }),
    // Always tried: JSON values that are not objects, which a server might wrongly refuse or replace.
    { examples: [['[]'], ['"text"'], ['42'], ['null'], ['{"nested":{"list":[1,true]}}']] },
  )
})
