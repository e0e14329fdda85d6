import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { fetchStillThere } from '../../src/harness/reads.ts'
import { expectStatus, expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// A delete through a conversation that does not exist (a well-formed CH SID from the check's seeded generator), of a
// message that DOES exist, in this check's conversation: a server that finds messages by their SID alone would delete
// it. A correct one finds no conversation: 404 with a Twilio error, and the message is still there.
check('msg.delete.unknown-conversation', async (ctx) => {
  const { api, scope, conversation, messages, seedMessage } = ctx
  const seeded = await seedMessage({ Body: 'conformance: must survive a delete through a conversation that does not exist' })
  const nowhere: ConversationRef = { sid: unknownSid(ctx, 'CH'), serviceSid: conversation.serviceSid, scope }
  expectTwilioError(await api.messages(nowhere).remove(seeded.sid), { status: 404 })
  const fetched = await fetchStillThere(ctx, messages, seeded.sid)
  expectStatus(fetched, 200, `the message ${seeded.sid} should still be there after a delete through a conversation that does not exist`)
})
