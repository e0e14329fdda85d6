import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// A well-formed IM SID that was never issued, in a conversation that has a message. Update must not create it. The
// SID is in lower-case hex, as Twilio issues SIDs, so that no reading of its pattern refuses it with 400 instead.
check('msg.update.unknown-sid', async (ctx) => {
  await ctx.seedMessage()
  expectTwilioError(await ctx.messages.update(unknownSid(ctx, 'IM'), { Body: 'edit of nothing' }), { status: 404 })
})
