import { check } from '../../src/harness/check.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'
import { sameListUrl } from './page-urls.ts'

const MESSAGES = 5
const PAGE_SIZE = 2
/** 5 messages in pages of 2: pages 0 and 1 full, page 2 with one message, so the last page is never exactly full. */
const PAGES = Math.ceil(MESSAGES / PAGE_SIZE)

// msg.list.meta judges the first page; this walks every page through next_page_url and judges each one's meta, so a
// server that gets a later page's bookkeeping wrong (page stuck at 0, previous_page_url never set) shows.
check('msg.list.meta-every-page', async (ctx) => {
  await seedMessages(ctx, MESSAGES)
  const all = await ctx.messages.listAll({ PageSize: PAGE_SIZE }, PAGES + 2)
  const listPath = ctx.messages.basePath
  let firstPageUrl: string | undefined
  for (const [i, res] of all.pages.entries()) {
    const { meta } = expectPage(res, ctx.scope)
    const where = `page ${i} (reached through next_page_url)`
    expectThat(meta.key === 'messages', `${where}: meta.key should be "messages", got ${JSON.stringify(meta.key)}`, res)
    expectThat(meta.page_size === PAGE_SIZE, `${where}: meta.page_size should be the PageSize asked for, ${PAGE_SIZE}, got ${JSON.stringify(meta.page_size)}`, res)
    expectThat(meta.page === i, `${where}: meta.page should be ${i}, got ${JSON.stringify(meta.page)}`, res)
    for (const [name, url] of [['url', meta.url], ['first_page_url', meta.first_page_url]] as const) {
      const path = typeof url === 'string' && URL.canParse(url) ? new URL(url).pathname : undefined
      expectThat(path !== undefined && path.endsWith(listPath), `${where}: meta.${name} should be an absolute URL addressing this list (${listPath}), got ${JSON.stringify(url)}`, res)
    }
    if (firstPageUrl === undefined) firstPageUrl = meta.first_page_url
    else expectThat(sameListUrl(meta.first_page_url, firstPageUrl), `${where}: first_page_url should be the same on every page: page 0 says ${firstPageUrl}, this page ${JSON.stringify(meta.first_page_url)}`, res)
    if (i === 0) expectThat(meta.previous_page_url === null, `${where}: previous_page_url should be null on the first page, got ${JSON.stringify(meta.previous_page_url)}`, res)
    else expectThat(typeof meta.previous_page_url === 'string' && URL.canParse(meta.previous_page_url), `${where}: previous_page_url should be the URL of page ${i - 1}, got ${JSON.stringify(meta.previous_page_url)}`, res)
    const last = i === PAGES - 1
    if (last) expectThat(meta.next_page_url === null, `${where}: next_page_url should be null on the last page (${MESSAGES} messages in pages of ${PAGE_SIZE}), got ${JSON.stringify(meta.next_page_url)}`, res)
    else expectThat(typeof meta.next_page_url === 'string', `${where}: next_page_url should lead on, since ${MESSAGES} messages in pages of ${PAGE_SIZE} make ${PAGES} pages; got ${JSON.stringify(meta.next_page_url)}`, res)
  }
  const lastPage = all.pages.at(-1)!
  expectThat(all.stoppedBecause === undefined, `paging stopped: ${all.stoppedBecause}`, lastPage)
  expectThat(all.pages.length === PAGES, `${MESSAGES} messages in pages of ${PAGE_SIZE} should make ${PAGES} pages, next_page_url led through ${all.pages.length}`, lastPage)
})
