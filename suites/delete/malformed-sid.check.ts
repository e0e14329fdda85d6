import { everyNearMissOf } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectStatus, expectTwilioError } from '../../src/harness/verify.ts'

// As msg.fetch.malformed-sid, for delete: one near miss of every kind (lower-case prefix, wrong prefix, a digit short
// or extra, a non-hex digit, padding) of a message that EXISTS. A server that ignores case, trims or matches prefixes
// when it looks the message up would delete it. A correct one finds nothing: 404, or 400 for a SID it refuses to look up.
check('msg.delete.malformed-sid', async ({ messages, seedMessage, observe }) => {
  const existing = await seedMessage({ Body: 'conformance: must survive deletes through malformed SIDs' })
  const statuses = new Set<number>()
  for (const candidate of everyNearMissOf(existing.sid)) {
    const res = await messages.remove(candidate)
    expectTwilioError(res, { status: [404, 400] })
    statuses.add(res.response.status)
  }
  // Still there: a fetch reads the target's own writes (a target may serve a deleted message a moment longer, which
  // could only hide a delete here, never invent one).
  expectStatus(await messages.fetch(existing.sid), 200, `the message ${existing.sid} should still be there after deletes through malformed SIDs`)
  observe(`deletes through malformed message SIDs answered ${[...statuses].sort().join(' and ')}`)
})
