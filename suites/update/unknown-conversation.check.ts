import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { fetchStillThere } from '../../src/harness/reads.ts'
import { expectMessage, expectStatus, expectThat, expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// An update through a conversation that does not exist (a well-formed CH SID from the check's seeded generator), of a
// message that DOES exist, in this check's conversation: a server that finds messages by their SID alone would edit
// it. A correct one finds no conversation: 404 with a Twilio error, and the message is as it was.
check('msg.update.unknown-conversation', async (ctx) => {
  const { api, scope, conversation, messages, seedMessage } = ctx
  const seeded = await seedMessage({ Body: 'conformance: must not change through a conversation that does not exist' })
  const nowhere: ConversationRef = { sid: unknownSid(ctx, 'CH'), serviceSid: conversation.serviceSid, scope }
  const res = await api.messages(nowhere).update(seeded.sid, { Body: `edited through ${nowhere.sid}` })
  expectTwilioError(res, { status: 404 })
  const fetched = await fetchStillThere(ctx, messages, seeded.sid)
  expectStatus(fetched, 200, `the message ${seeded.sid} should still be in its own conversation`)
  const now = expectMessage(fetched, scope)
  expectThat(now.body === seeded.body, `after an update through a conversation that does not exist, the message's body is ${JSON.stringify(now.body)}, was ${JSON.stringify(seeded.body)}`, fetched)
})
