import { check } from '../../src/harness/check.ts'
import { requirePageShows } from '../../src/harness/evidence-guards.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

// The page schema checks the types; this checks the meaning: key names the array, and the URLs are this list's.
check('msg.list.meta', async (ctx) => {
  const seeded = await ctx.seedMessage()
  const res = await listShowing(ctx, ctx.messages, { present: [seeded.sid] }, { PageSize: 5 })
  const { meta, messages } = expectPage(res, ctx.scope)
  // The meta of a page that shows this check's message, not of the doc's example page.
  requirePageShows(ctx, messages, [seeded])
  expectThat(meta.key === 'messages', `meta.key should be "messages", got ${JSON.stringify(meta.key)}`, res)
  expectThat(meta.page === 0, `the first page should have meta.page 0, got ${meta.page}`, res)
  const listPath = ctx.messages.basePath
  for (const [name, url] of [['url', meta.url], ['first_page_url', meta.first_page_url]] as const) {
    const path = new URL(url).pathname
    expectThat(path.endsWith(listPath), `meta.${name} should address this list (${listPath}), got ${url}`, res)
  }
})
