import fc from 'fast-check'
import { author, triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// Property: any Author people write (emails, phone numbers, names with spaces and unicode) comes back as author, in
// every view of the message, exactly as sent.
check('msg.create.author', async (ctx) => {
  const { messages, scope, property } = ctx
  const views = await EveryView.begin(ctx)
  await property(
    fc.asyncProperty(author, async (name) => {
      const created = await messages.create({ Body: 'who wrote this?', Author: name })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(message.author === name, `author is ${JSON.stringify(message.author)}, sent Author ${JSON.stringify(name)}`, created)
      await views.wroteInProperty(message.sid, shows('author', name))
    }),
    // Always tried: every input class of Author (src/arbitraries/classes.ts).
    { numRuns: 10, examples: triedValues('msg.create.author', 'Author').map(({ value }) => [value] as [string]) },
  )
  // Every view of the messages the property wrote and has not read back yet.
  await views.verify()
})
