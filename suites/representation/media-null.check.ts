import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.media-null', async (ctx) => {
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'no media' })) {
    expectThat(message['media'] === null, `${where}: media of a message without media is ${JSON.stringify(message['media'])}, expected null`, exchange)
  }
})
