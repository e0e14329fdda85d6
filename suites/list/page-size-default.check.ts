import { check } from '../../src/harness/check.ts'
import { requirePageShows } from '../../src/harness/evidence-guards.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

check('msg.list.page-size-default', async (ctx) => {
  const seeded = await ctx.seedMessage()
  const res = await listShowing(ctx, ctx.messages, { present: [seeded.sid] })
  const page = expectPage(res, ctx.scope)
  // A page that shows this check's message, not the doc's example page (whose page_size is 50 too).
  requirePageShows(ctx, page.messages, [seeded])
  expectThat(page.meta.page_size === 50, `without PageSize meta.page_size should be the documented default 50, got ${page.meta.page_size}`, res)
})
