import { check } from '../../src/harness/check.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

const PAGE_SIZE = 2

// Every example page URL carries its query (…/Messages?PageSize=50&Page=0): a client that follows url, first_page_url
// or next_page_url gets pages of the size and in the order it asked for. A list with PageSize 2 and Order desc over
// three messages has all three URLs; each must say PageSize=2 and Order=desc (Order in any letter case).
check('msg.list.page-urls-query', async (ctx) => {
  await seedMessages(ctx, 3)
  const res = await ctx.messages.list({ PageSize: PAGE_SIZE, Order: 'desc' })
  const { meta } = expectPage(res, ctx.scope)
  const urls = (['url', 'first_page_url', 'next_page_url'] as const).map((name) => [name, meta[name]] as const).filter(([, url]) => typeof url === 'string')
  for (const [name, url] of urls) {
    const query = URL.canParse(url as string) ? new URL(url as string).searchParams : new URLSearchParams((url as string).split('?')[1] ?? '')
    expectThat(query.get('PageSize') === String(PAGE_SIZE), `meta.${name} is ${url}: its PageSize is ${JSON.stringify(query.get('PageSize'))}, the request sent PageSize=${PAGE_SIZE}`, res)
    expectThat(query.get('Order')?.toLowerCase() === 'desc', `meta.${name} is ${url}: its Order is ${JSON.stringify(query.get('Order'))}, the request sent Order=desc`, res)
  }
  ctx.observe(`${urls.map(([name]) => name).join(', ')} carry PageSize=${PAGE_SIZE} and Order=desc`)
})
