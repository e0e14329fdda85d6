import { check } from '../../src/harness/check.ts'
import { requireDistinctMessages } from '../../src/harness/evidence-guards.ts'
import { bodiesOf, seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectPage, expectSameJson } from '../../src/harness/verify.ts'

check('msg.list.order-desc', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  requireDistinctMessages(ctx, created)
  const res = await ctx.messages.list({ Order: 'desc' })
  const page = expectPage(res, ctx.scope)
  const expected = [...created].reverse()
  expectSameJson(sidsOf(page.messages), sidsOf(expected), `Order=desc should list ${bodiesOf(expected)}, got ${bodiesOf(page.messages)}`, res)
})
