import fc from 'fast-check'
import { pageSize, triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

const MESSAGES = 7

// Property: for any PageSize n in 1..100, the first page holds min(n, total) messages and meta.page_size is n.
check('msg.list.page-size', async (ctx) => {
  await seedMessages(ctx, MESSAGES)
  await ctx.property(
    fc.asyncProperty(pageSize, async (n) => {
      const res = await ctx.messages.list({ PageSize: n })
      const page = expectPage(res, ctx.scope)
      expectThat(page.meta.page_size === n, `PageSize=${n} should be echoed in meta.page_size, got ${page.meta.page_size}`, res)
      const want = Math.min(n, MESSAGES)
      expectThat(page.messages.length === want, `PageSize=${n} with ${MESSAGES} messages should give a first page of ${want}, got ${page.messages.length}`, res)
    }),
    // Always tried: every PageSize class (src/arbitraries/classes.ts): 1, pages smaller than the conversation, the
    // default, past the default, and the documented maximum.
    { numRuns: Math.min(ctx.profile.numRuns, 20), examples: triedValues('msg.list.page-size', 'PageSize').map(({ value }) => [Number(value)] as [number]) },
  )
})
