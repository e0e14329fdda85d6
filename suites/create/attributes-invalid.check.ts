import fc from 'fast-check'
import { notJson } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// Property: Attributes that are not structurally valid JSON (the near misses people write, and arbitrary text) are
// refused. Which 4xx and which code is the server's choice.
check('msg.create.attributes-invalid', async ({ messages, property }) => {
  await property(
    fc.asyncProperty(notJson, async (attrs) => {
      expectRejected(await messages.create({ Body: 'bad attributes', Attributes: attrs }), `Attributes ${JSON.stringify(attrs)}`)
    }),
    // Always tried: the single-quoted near miss Twilio's own Node SDK fixtures carry.
    { numRuns: 15, examples: [["{ 'importance': 'high' }"]] },
  )
})
