import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'

// The check's conversation is new: its first message has index 0, the property's default and the index of every
// example first message. Later indices may skip numbers (msg.list.index-increasing); the first one starts the count.
check('msg.list.first-index-zero', async ({ seedMessage }) => {
  const first = await seedMessage({ Body: 'the first message of this conversation' })
  expectThat(first.index === 0, `the first message of a new conversation has index ${JSON.stringify(first.index)}, expected 0`)
})
