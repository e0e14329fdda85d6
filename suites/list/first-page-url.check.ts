import { check } from '../../src/harness/check.ts'
import { requirePageShows } from '../../src/harness/evidence-guards.ts'
import { seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectPage, expectSameJson, expectThat } from '../../src/harness/verify.ts'

check('msg.list.first-page-url', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  const first = expectPage(await ctx.messages.list({ PageSize: 1 }), ctx.scope)
  // A page of this check's messages: on the doc's example page every URL leads to the same answer.
  requirePageShows(ctx, first.messages, created, 1)
  const nextUrl = first.meta.next_page_url
  expectThat(nextUrl !== null, 'with 3 messages and PageSize=1 the first page should have a next_page_url')
  const second = await ctx.messages.follow(nextUrl)
  const secondPage = expectPage(second, ctx.scope)
  const back = await ctx.messages.follow(secondPage.meta.first_page_url)
  expectSameJson(sidsOf(expectPage(back, ctx.scope).messages), sidsOf(first.messages), "the second page's first_page_url should lead back to the first page", back)
})
