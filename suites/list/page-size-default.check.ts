import { check } from '../../src/harness/check.ts'
import { requirePageShows } from '../../src/harness/evidence-guards.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

check('msg.list.page-size-default', async (ctx) => {
  const created = await seedMessages(ctx, 2)
  const res = await ctx.messages.list()
  const page = expectPage(res, ctx.scope)
  requirePageShows(ctx, page.messages, created)
  expectThat(page.meta.page_size === 50, `without PageSize meta.page_size should be the documented default 50, got ${page.meta.page_size}`, res)
})
