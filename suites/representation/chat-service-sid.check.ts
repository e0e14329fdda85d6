import { check } from '../../src/harness/check.ts'
import { expectThat, sameSid } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// Only the service-scoped representation has chat_service_sid (the default-scope schema has no such property).
check(
  'msg.representation.chat-service-sid',
  async ({ messages, conversation }) => {
    for (const { where, message, exchange } of await messageViews(messages, { Body: 'service probe' })) {
      const value = message['chat_service_sid']
      expectThat(sameSid(value, conversation.serviceSid), `${where}: chat_service_sid is ${JSON.stringify(value)}, not the service in the path (${conversation.serviceSid})`, exchange)
    }
  },
  { scopes: ['service'] },
)
