import { check } from '../../src/harness/check.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

// A page that holds every message is the last page. (Whether a full page ending exactly at the last message
// links to an empty page is not pinned down, so the page here is never exactly full.)
check('msg.list.last-page-next-null', async (ctx) => {
  await seedMessages(ctx, 2)
  const res = await ctx.messages.list({ PageSize: 5 })
  const page = expectPage(res, ctx.scope)
  expectThat(page.messages.length === 2, `expected both messages on one page, got ${page.messages.length}`, res)
  expectThat(page.meta.next_page_url === null, `the last page should have next_page_url null, got ${JSON.stringify(page.meta.next_page_url)}`, res)
})
