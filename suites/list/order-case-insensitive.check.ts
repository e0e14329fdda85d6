import fc from 'fast-check'
import { orderValue, triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { requireDistinctMessages } from '../../src/harness/evidence-guards.ts'
import { seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectPage, expectSameJson } from '../../src/harness/verify.ts'

// Property: for any casing of asc or desc (the doc's own examples send "DeSc" and "AsC"), the order is right.
check('msg.list.order-case-insensitive', async (ctx) => {
  const seeded = await seedMessages(ctx, 3)
  requireDistinctMessages(ctx, seeded) // else any order of them matches
  const created = sidsOf(seeded)
  const expected = { asc: created, desc: [...created].reverse() }
  await ctx.property(
    fc.asyncProperty(orderValue, async ({ order, sent }) => {
      const res = await ctx.messages.list({ Order: sent })
      expectSameJson(sidsOf(expectPage(res, ctx.scope).messages), expected[order], `Order=${sent} should list in ${order}ending order`, res)
    }),
    // Always tried: every Order class (src/arbitraries/classes.ts), among them the mixed casings of the doc's own examples.
    { numRuns: Math.min(ctx.profile.numRuns, 20), examples: triedValues('msg.list.order-case-insensitive', 'Order').map(({ value }) => [{ order: value.toLowerCase() as 'asc' | 'desc', sent: value }] as [{ order: 'asc' | 'desc'; sent: string }]) },
  )
})
