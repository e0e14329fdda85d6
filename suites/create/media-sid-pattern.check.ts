import fc from 'fast-check'
import { nearMissSid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// Property: a MediaSid that misses ^ME[0-9a-fA-F]{32}$ (wrong or lower-case prefix, a digit too few or too many, a
// non-hex digit, padding) is refused. A Body is sent too, so the refusal cannot be for want of content.
check('msg.create.media-sid-pattern', async ({ messages, property }) => {
  await property(
    fc.asyncProperty(nearMissSid('ME'), async (mediaSid) => {
      expectRejected(await messages.create({ Body: 'with a malformed MediaSid', MediaSid: mediaSid }), `MediaSid ${JSON.stringify(mediaSid)}`)
    }),
    // Always tried: a lower-case prefix and one digit too few.
    { numRuns: 10, examples: [['me' + '0'.repeat(32)], ['ME' + '0'.repeat(31)]] },
  )
})
