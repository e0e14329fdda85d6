import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// A well-formed IM SID that was never issued, in a conversation that has a message (so the lookup has something to
// miss). It is in lower-case hex, as Twilio issues SIDs: a mixed-case one may be refused with 400 for its pattern
// (Twilio's validators write [0-9a-f]), which would make a 404 claim flaky. Any Twilio error code; the status is 404.
check('msg.fetch.unknown-sid', async (ctx) => {
  await ctx.seedMessage()
  expectTwilioError(await ctx.messages.fetch(unknownSid(ctx, 'IM')), { status: 404 })
})
