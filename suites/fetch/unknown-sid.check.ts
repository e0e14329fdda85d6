import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// A well-formed IM SID that was never issued, in a conversation that has a message (so the lookup has something to
// miss). Any Twilio error code is allowed; the status must be 404.
check('msg.fetch.unknown-sid', async ({ messages, seedMessage, config }) => {
  const existing = await seedMessage()
  const unknown = fc.sample(sid('IM').filter((s) => s.toLowerCase() !== existing.sid.toLowerCase()), { seed: config.seed, numRuns: 1 })[0]!
  expectTwilioError(await messages.fetch(unknown), { status: 404 })
})
