import fc from 'fast-check'
import { attributesObjectJson, triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectRejected, expectSameJson, expectThat, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'
import { expectStoredNothing } from './stored-nothing.ts'

// The Message page lets Attributes hold "structurally valid JSON"; the Attributes page says "the field value is a JSON
// object". Both agree on an object: any JSON object comes back as a string encoding the same value (a server may
// re-serialise: spacing, key order, number spelling, so the values are compared, not the text). A value other than an
// object is stored as sent or refused as a validation error that stores nothing; null may also read as "not set" and
// give the documented "{}". Which reading the target chose is recorded; msg.create.attributes-any-json judges the
// Message page's own (every JSON value stored).
const NOT_OBJECTS = ['[]', '"text"', '42', 'true', 'null']

check('msg.create.attributes', async (ctx) => {
  const { messages, scope, property } = ctx
  const stored: string[] = []
  let refused = 0
  for (const attrs of NOT_OBJECTS) {
    const what = `Attributes=${attrs}`
    const res = await messages.create({ Body: `with attributes ${attrs}`, Attributes: attrs })
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, what)
      ctx.reading(what, `refused with ${res.response.status}`)
      refused++
      continue
    }
    expectAccepted(res, `${what} is stored as sent or refused as a validation error`)
    const message = expectMessage(res, scope)
    stored.push(message.sid)
    const asNotSet = attrs === 'null' && message.attributes === '{}'
    if (!asNotSet) expectSameJson(jsonValueOf(message.attributes), JSON.parse(attrs), `${what} was accepted, so attributes should encode the same value (or, for null, "{}"), got ${JSON.stringify(message.attributes)}`, res)
    ctx.reading(what, asNotSet ? 'read as not set ("{}")' : 'stored as sent')
  }
  if (refused > 0) await expectStoredNothing(ctx, undefined, 'a create with Attributes that are not a JSON object', stored)
  // The neighbour every view checks comes after the refusals: it is no message a refused create stored.
  const views = await EveryView.begin(ctx)

  await property(
    fc.asyncProperty(attributesObjectJson, async (attrs) => {
      const created = await messages.create({ Body: 'with attributes', Attributes: attrs })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(typeof message.attributes === 'string', `attributes is ${JSON.stringify(message.attributes)}, not a string`, created)
      expectSameJson(jsonValueOf(message.attributes), JSON.parse(attrs), `attributes ${message.attributes.slice(0, 80)} do not encode the Attributes sent (${attrs.slice(0, 80)})`, created)
      await views.wroteInProperty(message.sid, (m) => (firstDifference(jsonValueOf(m['attributes']), JSON.parse(attrs), '') === undefined ? undefined : `attributes ${JSON.stringify(m['attributes']).slice(0, 80)} do not encode the Attributes sent (${attrs.slice(0, 80)})`))
    }),
    // Always tried: every input class of Attributes (src/arbitraries/classes.ts) that is a JSON object; the values that
    // are not objects were tried above, where a refusal is one of the readings.
    { numRuns: Math.min(ctx.profile.numRuns, 16), examples: triedValues('msg.create.attributes', 'Attributes').filter(({ cls }) => cls !== 'non-object').map(({ value }) => [value] as [string]) },
  )
  // Every view of the messages the property wrote and has not read back yet.
  await views.verify()
})
