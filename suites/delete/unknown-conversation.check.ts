import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { expectStatus, expectTwilioError } from '../../src/harness/verify.ts'

// A delete through a conversation that does not exist (a well-formed CH SID from the check's seeded generator), of a
// message that DOES exist, in this check's conversation: a server that finds messages by their SID alone would delete
// it. A correct one finds no conversation: 404 with a Twilio error, and the message is still there.
check('msg.delete.unknown-conversation', async (ctx) => {
  const { api, scope, conversation, messages, seedMessage, randomHex } = ctx
  const seeded = await seedMessage({ Body: 'conformance: must survive a delete through a conversation that does not exist' })
  const nowhere: ConversationRef = { sid: `CH${randomHex(16)}`, serviceSid: conversation.serviceSid, scope }
  expectTwilioError(await api.messages(nowhere).remove(seeded.sid), { status: 404 })
  // Settled: a fetch that does not find the message yet is the target's lag, not an answer.
  const fetched = await ctx.settle(() => messages.fetch(seeded.sid), (ex) => ex.response.status === 200)
  expectStatus(fetched, 200, `the message ${seeded.sid} should still be there after a delete through a conversation that does not exist`)
})
