import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// A message exists in conversation A; asked for through conversation B's path (same scope, same service), it must not
// be found: messages belong to their conversation, not to a global table.
check('msg.fetch.other-conversation', async ({ api, seedMessage, newConversation }) => {
  const message = await seedMessage()
  const other = await newConversation()
  expectTwilioError(await api.messages(other).fetch(message.sid), { status: 404 })
})
