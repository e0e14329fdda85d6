import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { messageViews } from '../../src/harness/views.ts'

// A chat participant of this conversation with a fresh marked identity (deleted with the conversation; the User a
// real service makes for the identity is in the ledger and deleted too).
check('msg.representation.participant-sid-author', async (ctx) => {
  const participant = await ctx.addParticipant()
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'sent by a participant', Author: participant.identity })) {
    const value = message['participant_sid']
    expectThat(sameSid(value, participant.sid), `${where}: participant_sid is ${JSON.stringify(value)}, not the author participant ${participant.sid} (Author ${participant.identity})`, exchange)
  }
})
