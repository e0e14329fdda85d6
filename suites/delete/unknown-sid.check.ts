import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from '../errors/provoke.ts'

// A well-formed IM SID that was never issued (random, from the check's seeded generator), in a conversation that
// has a message, so the lookup has something to miss. Delete is not idempotent here: nothing to delete is a 404.
check('msg.delete.unknown-sid', async (ctx) => {
  const { messages, seedMessage } = ctx
  await seedMessage()
  expectTwilioError(await messages.remove(unknownSid(ctx, 'IM')), { status: 404 })
})
