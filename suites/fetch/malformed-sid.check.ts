import { triedSids } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// One near miss of every kind (lower-case prefix, wrong prefix, a digit short or extra, a non-hex digit, leading
// padding) of a message that EXISTS: a server that ignores case, trims or matches prefixes would find it and answer
// 200. A correct one finds nothing: 404, or 400 for a SID it refuses to look up. Never 2xx, never 5xx.
check('msg.fetch.malformed-sid', async ({ messages, seedMessage, observe }) => {
  const existing = await seedMessage()
  const statuses = new Set<number>()
  // Every near-miss class of a SID (src/arbitraries/classes.ts).
  for (const { value: candidate } of triedSids('msg.fetch.malformed-sid', existing.sid)) {
    const res = await messages.fetch(candidate)
    expectTwilioError(res, { status: [404, 400] })
    statuses.add(res.response.status)
  }
  observe(`malformed message SIDs answered ${[...statuses].sort().join(' and ')}`)
})
