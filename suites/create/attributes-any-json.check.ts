import fc from 'fast-check'
import { attributesJson } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectSameJson, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

// The Message page's own reading: Attributes "must contain structurally valid JSON", so any JSON value (not only an
// object) comes back as a string encoding the same value. The Attributes page says "a JSON object", so a server that
// refuses the rest is conformant (msg.create.attributes); this should tells a client whether it may store an array.
check('msg.create.attributes-any-json', async ({ messages, scope, property }) => {
  await property(
    fc.asyncProperty(attributesJson, async (attrs) => {
      const created = await messages.create({ Body: 'with attributes', Attributes: attrs })
      expectAccepted(created, `Attributes=${attrs.slice(0, 40)} is structurally valid JSON`)
      const message = expectMessage(created, scope)
      expectThat(typeof message.attributes === 'string', `attributes is ${JSON.stringify(message.attributes)}, not a string`, created)
      expectSameJson(jsonValueOf(message.attributes), JSON.parse(attrs), `attributes ${message.attributes.slice(0, 80)} do not encode the Attributes sent (${attrs.slice(0, 80)})`, created)
    }),
    // Always tried: JSON values that are not objects, which a server might refuse or replace.
    { examples: [['[]'], ['"text"'], ['42'], ['null'], ['true']] },
  )
})
