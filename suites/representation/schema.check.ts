import { check } from '../../src/harness/check.ts'
import { expectSchemaValid } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// Every response that carries a message is judged against the schema of its scope: create, fetch, update and the
// page of a list. The status codes are other checks' business.
check('msg.representation.schema', async (ctx) => {
  for (const view of await messageViews(ctx, { Body: 'schema probe', Attributes: '{"probe":true}' })) {
    expectSchemaValid(view.exchange, view.where === 'list' ? 'page' : 'message', ctx.scope)
  }
})
