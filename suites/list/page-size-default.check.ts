import { check } from '../../src/harness/check.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

check('msg.list.page-size-default', async (ctx) => {
  await ctx.seedMessage()
  const res = await ctx.messages.list()
  const page = expectPage(res, ctx.scope)
  expectThat(page.meta.page_size === 50, `without PageSize meta.page_size should be the documented default 50, got ${page.meta.page_size}`, res)
})
