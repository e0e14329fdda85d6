import { everyNearMissOf } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus, expectThat, expectTwilioError } from '../../src/harness/verify.ts'

const NEVER_APPLIED = 'conformance: an update through a malformed SID must not apply this'

// As msg.fetch.malformed-sid, for update: one near miss of every kind (lower-case prefix, wrong prefix, a digit short
// or extra, a non-hex digit, padding) of a message that EXISTS. A server that ignores case, trims or matches prefixes
// when it looks the message up would edit it. A correct one finds nothing: 404, or 400 for a SID it refuses to look up.
check('msg.update.malformed-sid', async ({ messages, seedMessage, observe }) => {
  const existing = await seedMessage({ Body: 'conformance: must survive updates through malformed SIDs' })
  const statuses = new Set<number>()
  for (const candidate of everyNearMissOf(existing.sid)) {
    const res = await messages.update(candidate, { Body: NEVER_APPLIED })
    expectTwilioError(res, { status: [404, 400] })
    statuses.add(res.response.status)
  }
  // A fetch reads the target's own writes (only lists may lag), so an edit that slipped through shows here.
  const after = await messages.fetch(existing.sid)
  expectStatus(after, 200, 'the message updated through malformed SIDs should still be there')
  const body = expectMessage(after).body
  expectThat(body === existing.body, `an update through a malformed SID changed the message ${existing.sid}: body is now ${JSON.stringify(body)}`, after)
  observe(`updates through malformed message SIDs answered ${[...statuses].sort().join(' and ')}`)
})
