import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// A well-formed CH SID that names no conversation, in this check's scope and service: its messages, one or all, are
// not found. (A server answering an empty list would hide a typo in the conversation SID.)
check('msg.fetch.unknown-conversation', async ({ api, scope, conversation, config }) => {
  const [conversationSid, messageSid] = fc.sample(fc.tuple(sid('CH'), sid('IM')), { seed: config.seed, numRuns: 1 })[0]!
  const nowhere: ConversationRef = { sid: conversationSid, serviceSid: conversation.serviceSid, scope }
  const messages = api.messages(nowhere)
  expectTwilioError(await messages.fetch(messageSid), { status: 404 })
  expectTwilioError(await messages.list(), { status: 404 })
})
