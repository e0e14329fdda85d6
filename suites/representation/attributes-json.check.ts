import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// Nested values, so a server that hands back the parsed object (instead of the string) cannot pass by accident.
// Whether the value is the one sent is msg.create.attributes; here only its form: a string holding JSON.
const ATTRIBUTES = JSON.stringify({ conformance: { list: [1, 'two', null], nested: { ok: true } } })

check('msg.representation.attributes-json', async ({ messages }) => {
  for (const { where, message, exchange } of await messageViews(messages, { Body: 'attributes probe', Attributes: ATTRIBUTES })) {
    const value = message['attributes']
    expectThat(typeof value === 'string', `${where}: attributes is ${JSON.stringify(value)}, not a string`, exchange)
    let parses = true
    try {
      JSON.parse(value)
    } catch {
      parses = false
    }
    expectThat(parses, `${where}: attributes ${JSON.stringify(value)} is not structurally valid JSON`, exchange)
  }
})
