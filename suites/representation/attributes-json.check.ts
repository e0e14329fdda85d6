import { check } from '../../src/harness/check.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { messageViews } from '../../src/harness/views.ts'

// Nested values, so a server that hands back the parsed object (instead of the string) cannot pass by accident.
// Whether the value is the one sent is msg.create.attributes; here only its form: a string holding JSON.
const ATTRIBUTES = JSON.stringify({ conformance: { list: [1, 'two', null], nested: { ok: true } } })

check('msg.representation.attributes-json', async (ctx) => {
  for (const view of await messageViews(ctx, { Body: 'attributes probe', Attributes: ATTRIBUTES })) expectMessageRule('msg.representation.attributes-json', view)
})
