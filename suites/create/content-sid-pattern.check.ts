import fc from 'fast-check'
import { nearMissSid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// Property: a ContentSid that misses ^HX[0-9a-fA-F]{32}$ is refused. A Body is sent too, so a server that simply
// dropped the ContentSid would store a message instead of refusing it.
check('msg.create.content-sid-pattern', async ({ messages, property }) => {
  await property(
    fc.asyncProperty(nearMissSid('HX'), async (contentSid) => {
      const res = await messages.create({ Body: 'with a malformed ContentSid', ContentSid: contentSid, ContentVariables: '{"1":"x"}' })
      expectRejected(res, `ContentSid ${JSON.stringify(contentSid)}`)
    }),
    // Always tried: a lower-case prefix and one digit too many.
    { numRuns: 10, examples: [['hx' + '0'.repeat(32)], ['HX' + '0'.repeat(33)]] },
  )
})
