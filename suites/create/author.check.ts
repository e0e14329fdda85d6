import fc from 'fast-check'
import { author } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// Property: any Author people write (emails, phone numbers, names with spaces and unicode) comes back as author.
check('msg.create.author', async ({ messages, scope, property }) => {
  await property(
    fc.asyncProperty(author, async (name) => {
      const created = await messages.create({ Body: 'who wrote this?', Author: name })
      expectAccepted(created)
      const message = expectMessage(created, scope)
      expectThat(message.author === name, `author is ${JSON.stringify(message.author)}, sent Author ${JSON.stringify(name)}`, created)
    }),
    { numRuns: 10 },
  )
})
