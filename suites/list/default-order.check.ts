import { check } from '../../src/harness/check.ts'
import { requireDistinctMessages } from '../../src/harness/evidence-guards.ts'
import { bodiesOf, seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectPage, expectSameJson } from '../../src/harness/verify.ts'

check('msg.list.default-order', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  // Three SIDs and bodies that differ, or any order of them matches (the doc's examples are all IMaaaa…).
  requireDistinctMessages(ctx, created)
  const res = await ctx.messages.list()
  const page = expectPage(res, ctx.scope)
  expectSameJson(sidsOf(page.messages), sidsOf(created), `without Order the list should be in ascending index order (${bodiesOf(created)}), got ${bodiesOf(page.messages)}`, res)
})
