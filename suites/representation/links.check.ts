import { check } from '../../src/harness/check.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { messageViews } from '../../src/harness/views.ts'

// Paths are compared, not whole URLs: whether url itself is absolute and right is msg.representation.url-self,
// and the origin is the server's choice.
check('msg.representation.links', async (ctx) => {
  for (const view of await messageViews(ctx, { Body: 'links probe' })) expectMessageRule('msg.representation.links', view)
})
