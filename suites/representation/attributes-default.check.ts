import { check } from '../../src/harness/check.ts'
import { expectSameJson, expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.attributes-default', async (ctx) => {
  const { observe } = ctx
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'no attributes given' })) {
    const value = message['attributes']
    expectThat(typeof value === 'string', `${where}: attributes is ${JSON.stringify(value)}, expected the string "{}"`, exchange)
    // The doc promises "{}"; a different spelling of the same empty object is accepted and noted.
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch {
      parsed = value
    }
    expectSameJson(parsed, {}, `${where}: attributes of a message created without Attributes is ${JSON.stringify(value)}, not "{}"`, exchange)
    if (value !== '{}') observe(`${where}: attributes spelt ${JSON.stringify(value)}`)
  }
})
