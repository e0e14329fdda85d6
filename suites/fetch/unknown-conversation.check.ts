import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// A well-formed CH SID that names no conversation, in this check's scope and service: its messages, one or all, are
// not found. (A server answering an empty list would hide a typo in the conversation SID.) Both SIDs are in lower-case
// hex, as Twilio issues them, so that no reading of their pattern refuses them with 400 instead.
check('msg.fetch.unknown-conversation', async (ctx) => {
  const nowhere: ConversationRef = { sid: unknownSid(ctx, 'CH'), serviceSid: ctx.conversation.serviceSid, scope: ctx.scope }
  const messages = ctx.api.messages(nowhere)
  expectTwilioError(await messages.fetch(unknownSid(ctx, 'IM')), { status: 404 })
  expectTwilioError(await messages.list(), { status: 404 })
})
