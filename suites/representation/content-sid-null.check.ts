import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.content-sid-null', async (ctx) => {
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'no content template' })) {
    expectThat(message['content_sid'] === null, `${where}: content_sid of a message created without ContentSid is ${JSON.stringify(message['content_sid'])}, expected null`, exchange)
  }
})
