import { check } from '../../src/harness/check.ts'
import { requirePageShows } from '../../src/harness/evidence-guards.ts'
import { itemsOf, showsWrites } from '../../src/harness/reads.ts'
import { seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectPage, expectSameJson, expectStatus, expectThat } from '../../src/harness/verify.ts'

// Page is an integer of 0 or more (its minimum is 0), "simply for client state": Page=0 is the lower bound, and asks
// for nothing but the first page. With a PageSize under the number of messages, the answer must be the same page the
// list gives without Page: meta.page 0 and the same messages. Compared with the list without Page, not with the
// order the check expects, so a server that lists in the wrong order fails only the order requirements.
check('msg.list.page-zero', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  const shown = { present: sidsOf(created.slice(0, 2)) }
  // Settled reads (a list may show the seeded messages late); a refusal of Page=0 is an answer, judged at once.
  const read = (query: { PageSize: number; Page?: number }) =>
    ctx.settle(() => ctx.messages.list(query), (ex) => ex.response.status !== 200 || showsWrites(itemsOf(ex), shown))
  const withoutPage = await read({ PageSize: 2 })
  const expected = expectPage(withoutPage, ctx.scope)
  // Two of the seeded messages, told apart by SID and body, or the two pages could be the doc's one example page.
  requirePageShows(ctx, expected.messages, created, 2)
  const res = await read({ PageSize: 2, Page: 0 })
  expectStatus(res, 200, 'Page=0 is the documented minimum of Page, so it must be accepted')
  const page = expectPage(res, ctx.scope)
  expectThat(page.meta.page === 0, `Page=0 should answer meta.page 0, got ${JSON.stringify(page.meta.page)}`, res)
  expectSameJson(sidsOf(page.messages), sidsOf(expected.messages), 'PageSize=2&Page=0 should give the same messages as PageSize=2 without Page (the first page)', res)
})
