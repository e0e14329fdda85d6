import { check } from '../../src/harness/check.ts'
import { expectMessage, expectSchemaValid, expectThat } from '../../src/harness/verify.ts'

// The representation is judged on what create, fetch and list return; the status codes are other checks' business.
check('msg.representation.schema', async ({ messages, scope }) => {
  const created = await messages.create({ Body: 'schema probe', Attributes: '{"probe":true}' })
  expectThat(created.response.status >= 200 && created.response.status < 300, 'create did not succeed', created)
  expectSchemaValid(created, 'message', scope)
  const fetched = await messages.fetch(expectMessage(created).sid)
  expectSchemaValid(fetched, 'message', scope)
  expectSchemaValid(await messages.list(), 'page', scope)
})
