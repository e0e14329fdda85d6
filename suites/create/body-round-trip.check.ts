import fc from 'fast-check'
import { triedValues, validBody } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// Property: whatever Body within the limit goes in comes back unchanged, byte for byte, from create and from every
// view of the message (src/harness/every-view.ts).
check('msg.create.body-round-trip', async (ctx) => {
  const { messages, scope, property } = ctx
  const views = await EveryView.begin(ctx)
  await property(
    fc.asyncProperty(validBody, async (body) => {
      const created = await messages.create({ Body: body })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(message.body === body, `create returned body ${JSON.stringify(message.body)?.slice(0, 80)} for the Body sent ${JSON.stringify(body).slice(0, 80)}`, created)
      await views.wroteInProperty(message.sid, shows('body', body))
    }),
    // Always tried: every input class of Body (src/arbitraries/classes.ts), and an emoji, a ZWJ family, a flag, a
    // combining mark and right-to-left text, across lines.
    { numRuns: Math.min(ctx.profile.numRuns, 16), examples: [...triedValues('msg.create.body-round-trip', 'Body').map(({ value }) => [value] as [string]), ['Ahoy 😀 👨\u200d👩\u200d👧 🇳🇱 e\u0301\nשלום עולם']] },
  )
  // Every view of the messages the property wrote and has not read back yet.
  await views.verify()
})
