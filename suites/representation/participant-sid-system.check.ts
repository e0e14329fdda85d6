import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// Without Author the message is sent as system (whether author then reads "system" is msg.representation.author-default).
check('msg.representation.participant-sid-system', async (ctx) => {
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'sent as system' })) {
    expectThat(message['participant_sid'] === null, `${where}: participant_sid of a system message is ${JSON.stringify(message['participant_sid'])}, expected null`, exchange)
  }
})
