import { check } from '../../src/harness/check.ts'
import { allOf, EveryView, type Judge, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

// participant_sid is "the unique ID of messages's author participant": a relation between two fields, which an
// update of Author can break. The message is created by a name that is no participant, re-authored by a participant
// of the conversation (participant_sid must become that participant), then by a name that is no participant again
// (participant_sid must go back to null). What a create sets is msg.representation.participant-sid-author's.
check('msg.update.participant-sid-follows-author', async (ctx) => {
  const { messages, scope, seedMessage, addParticipant, randomHex } = ctx
  const views = await EveryView.begin(ctx)
  const participant = await addParticipant()
  const outsider = `not-a-participant-${randomHex(4)}`
  const seeded = await seedMessage({ Body: 'to be re-authored', Author: outsider })

  const toParticipant = await messages.update(seeded.sid, { Author: participant.identity })
  expectAccepted(toParticipant, `an update of Author to the participant ${participant.identity}`)
  const byParticipant = expectMessage(toParticipant, scope)
  expectThat(byParticipant.author === participant.identity, `author is ${JSON.stringify(byParticipant.author)} after an update of Author to ${participant.identity}`, toParticipant)
  expectThat(sameSid(byParticipant.participant_sid, participant.sid), `participant_sid is ${JSON.stringify(byParticipant.participant_sid)} after an update of Author to the participant ${participant.identity}, expected ${participant.sid}`, toParticipant)
  const participantIs = (sid: string | null): Judge => (m) => ((sid === null ? m['participant_sid'] === null : sameSid(m['participant_sid'], sid)) ? undefined : `participant_sid is ${JSON.stringify(m['participant_sid'])}, expected ${JSON.stringify(sid)}`)
  await views.afterWrite(seeded.sid, allOf(shows('author', participant.identity), participantIs(participant.sid)))

  const toOutsider = await messages.update(seeded.sid, { Author: `${outsider}-again` })
  expectAccepted(toOutsider, `an update of Author to ${outsider}-again`)
  const byOutsider = expectMessage(toOutsider, scope)
  expectThat(byOutsider.participant_sid === null, `participant_sid is ${JSON.stringify(byOutsider.participant_sid)} after an update of Author to ${outsider}-again, who is no participant: expected null`, toOutsider)
  await views.afterWrite(seeded.sid, allOf(shows('author', `${outsider}-again`), participantIs(null)))
})
