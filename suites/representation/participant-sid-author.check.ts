import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectThat, sameSid } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.participant-sid-author', async (ctx) => {
  const { api, conversation, messages } = ctx
  // A chat participant of this conversation (deleted with it); a fresh identity so reruns never collide.
  const identity = `conformance-${ctx.randomHex(6)}`
  const added = await api.addParticipant(conversation, identity)
  const participant = added.json as { sid?: unknown } | undefined
  if (added.response.status < 200 || added.response.status > 299 || typeof participant?.sid !== 'string') {
    throw new SetupFailure(`could not add a participant to author a message: ${added.request.method} ${added.request.path} answered ${added.response.status}`, added)
  }
  for (const { where, message, exchange } of await messageViews(messages, { Body: 'sent by a participant', Author: identity })) {
    const value = message['participant_sid']
    expectThat(sameSid(value, participant.sid), `${where}: participant_sid is ${JSON.stringify(value)}, not the author participant ${participant.sid} (Author ${identity})`, exchange)
  }
})
