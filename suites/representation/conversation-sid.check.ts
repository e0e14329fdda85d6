import { check } from '../../src/harness/check.ts'
import { requireRealConversation } from '../../src/harness/evidence-guards.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.conversation-sid', async (ctx) => {
  const { conversation } = ctx
  // A conversation_sid equal to the doc's placeholder CHaaaa… proves nothing when the target made CHaaaa… too.
  requireRealConversation(ctx)
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'conversation probe' })) {
    const value = message['conversation_sid']
    expectThat(sameSid(value, conversation.sid), `${where}: conversation_sid is ${JSON.stringify(value)}, not the conversation in the path (${conversation.sid})`, exchange)
  }
})
