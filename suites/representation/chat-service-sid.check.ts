import { check } from '../../src/harness/check.ts'
import { requireRealConversation } from '../../src/harness/evidence-guards.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { messageViews } from '../../src/harness/views.ts'

// Only the service-scoped representation has chat_service_sid (the default-scope schema has no such property).
check(
  'msg.representation.chat-service-sid',
  async (ctx) => {
    const { conversation } = ctx
    // A conversation_sid equal to the doc's placeholder CHaaaa… proves nothing when the target made CHaaaa… too.
    requireRealConversation(ctx)
    for (const { where, message, exchange } of await messageViews(ctx, { Body: 'service probe' })) {
      const value = message['chat_service_sid']
      expectThat(sameSid(value, conversation.serviceSid), `${where}: chat_service_sid is ${JSON.stringify(value)}, not the service in the path (${conversation.serviceSid})`, exchange)
    }
  },
)
