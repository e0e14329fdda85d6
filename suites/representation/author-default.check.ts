import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.author-default', async (ctx) => {
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'no author given' })) {
    expectThat(message['author'] === 'system', `${where}: author of a message created without Author is ${JSON.stringify(message['author'])}, expected "system"`, exchange)
  }
})
