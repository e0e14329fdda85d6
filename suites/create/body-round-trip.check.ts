import fc from 'fast-check'
import { validBody } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// Property: whatever Body within the limit goes in comes back unchanged, from create and from a fetch.
check('msg.create.body-round-trip', async ({ messages, scope, property }) => {
  await property(
    fc.asyncProperty(validBody, async (body) => {
      const created = await messages.create({ Body: body })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(message.body === body, `create returned body ${JSON.stringify(message.body)?.slice(0, 80)} for the Body sent`, created)
      const fetched = await messages.fetch(message.sid)
      expectThat(expectMessage(fetched, scope).body === body, 'a fetch returned a different body than was sent', fetched)
    }),
    // Always tried: an emoji, a ZWJ family, a flag, a combining mark and right-to-left text, across lines.
    { examples: [['Ahoy 😀 👨\u200d👩\u200d👧 🇳🇱 e\u0301\nשלום עולם']] },
  )
})
