import { check } from '../../src/harness/check.ts'
import { requireDistinctMessages } from '../../src/harness/evidence-guards.ts'
import { expectThat } from '../../src/harness/verify.ts'

// The check's conversation is new: its first message has index 0, the property's default and the index of every
// example first message. Later indices may skip numbers (msg.list.index-increasing); the first one starts the count.
// A second message tells a real first index from an echo of the example (whose every message has index 0): the two
// must be told apart before the first one's index means anything.
check('msg.list.first-index-zero', async (ctx) => {
  const first = await ctx.seedMessage({ Body: `the first message of this conversation ${ctx.randomHex(4)}` })
  const second = await ctx.seedMessage({ Body: `the second message of this conversation ${ctx.randomHex(4)}` })
  requireDistinctMessages(ctx, [first, second])
  expectThat(first.index === 0, `the first message of a new conversation has index ${JSON.stringify(first.index)}, expected 0`)
})
