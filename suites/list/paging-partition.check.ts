import fc from 'fast-check'
import { orderValue, pageSize } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectPage, expectSameJson, expectThat } from '../../src/harness/verify.ts'

const MESSAGES = 7

// Property: for any PageSize and Order, the pages reached through next_page_url partition the conversation:
// every message exactly once, in order, and every page but the last is full.
check('msg.list.paging-partition', async (ctx) => {
  const created = sidsOf(await seedMessages(ctx, MESSAGES))
  await ctx.property(
    fc.asyncProperty(pageSize, orderValue, async (n, { order, sent }) => {
      const all = await ctx.messages.listAll({ PageSize: n, Order: sent }, MESSAGES + 3)
      const last = all.pages[all.pages.length - 1]!
      expectThat(all.stoppedBecause === undefined, `paging with PageSize=${n}, Order=${sent} stopped: ${all.stoppedBecause}`, last)
      all.pages.forEach((p) => expectPage(p, ctx.scope))
      const expected = order === 'asc' ? created : [...created].reverse()
      expectSameJson(sidsOf(all.messages as { sid: string }[]), expected, `paging with PageSize=${n}, Order=${sent} should yield every message once, in order`, last)
    }),
    // Always tried: several pages in each direction.
    { numRuns: Math.min(ctx.profile.numRuns, 25), examples: [[2, { order: 'asc', sent: 'asc' }], [3, { order: 'desc', sent: 'DESC' }]] },
  )
})
