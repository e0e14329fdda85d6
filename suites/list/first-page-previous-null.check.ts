import { check } from '../../src/harness/check.ts'
import { requirePageShows } from '../../src/harness/evidence-guards.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

check('msg.list.first-page-previous-null', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  const res = await ctx.messages.list({ PageSize: 1 })
  const { meta, messages } = expectPage(res, ctx.scope)
  // A page of one of this check's messages, not the doc's example page (whose previous_page_url is null too).
  requirePageShows(ctx, messages, created, 1)
  expectThat(meta.previous_page_url === null, `the first page should have previous_page_url null, got ${JSON.stringify(meta.previous_page_url)}`, res)
})
