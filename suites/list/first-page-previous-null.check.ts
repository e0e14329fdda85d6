import { check } from '../../src/harness/check.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

check('msg.list.first-page-previous-null', async (ctx) => {
  await seedMessages(ctx, 3)
  const res = await ctx.messages.list({ PageSize: 1 })
  const { meta } = expectPage(res, ctx.scope)
  expectThat(meta.previous_page_url === null, `the first page should have previous_page_url null, got ${JSON.stringify(meta.previous_page_url)}`, res)
})
