import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// A well-formed IM SID that was never issued (random, from the check's seeded generator), in a conversation that
// has a message, so the lookup has something to miss. Delete is not idempotent here: nothing to delete is a 404.
check('msg.delete.unknown-sid', async ({ messages, seedMessage, randomHex }) => {
  const existing = await seedMessage()
  let unknown = `IM${randomHex(16)}`
  if (unknown.toLowerCase() === existing.sid.toLowerCase()) unknown = `IM${randomHex(16)}`
  expectTwilioError(await messages.remove(unknown), { status: 404 })
})
