import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { CheckFailure } from '../../src/harness/failure.ts'
import { describe, expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// A well-formed CH SID that names no conversation (drawn from the check's seeded generator), in this check's scope and
// service: there is nothing to create the message in, so the create is not found (404 with a Twilio error). A server
// that makes the conversation on the fly stores a message nobody asked for; should it answer 2xx with a message, the
// check deletes that message again (it is in no conversation the run knows of) before it fails.
check('msg.create.unknown-conversation', async (ctx) => {
  const { api, scope, conversation, randomHex } = ctx
  const nowhere: ConversationRef = { sid: unknownSid(ctx, 'CH'), serviceSid: conversation.serviceSid, scope }
  const messages = api.messages(nowhere)
  const res = await messages.create({ Body: `conformance: a message for a conversation that does not exist, ${randomHex(4)}` })
  const made = (res.json as { sid?: unknown } | undefined)?.sid
  if (res.response.status >= 200 && res.response.status <= 299 && typeof made === 'string') {
    await messages.remove(made) // best effort: the run's ledger does not know this conversation
    throw new CheckFailure(`a create in the conversation ${nowhere.sid}, which does not exist, was carried out (${describe(res)}): it should answer 404`, res)
  }
  expectTwilioError(res, { status: 404 })
})
