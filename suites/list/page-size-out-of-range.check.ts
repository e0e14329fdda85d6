import { check } from '../../src/harness/check.ts'
import { expectPage, expectRejected, expectThat } from '../../src/harness/verify.ts'

// The doc states the range 1..100 but not the reaction to a value outside it: a 4xx or clamping are both
// conformant. What is never allowed is a page_size outside the range, or more than 100 messages on a page.
check('msg.list.page-size-out-of-range', async (ctx) => {
  await ctx.seedMessage()
  for (const size of [0, 101, 1000]) {
    const res = await ctx.messages.list({ PageSize: size })
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, `PageSize=${size}`)
      ctx.reading(`page-size-${size}`, `rejected with ${res.response.status}`)
      continue
    }
    const page = expectPage(res, ctx.scope)
    const clamped = page.meta.page_size
    expectThat(Number.isInteger(clamped) && clamped >= 1 && clamped <= 100, `PageSize=${size} was accepted with meta.page_size ${clamped}, outside 1..100`, res)
    expectThat(page.messages.length <= 100, `a page holds ${page.messages.length} messages, more than 100`, res)
    ctx.reading(`page-size-${size}`, `clamped to ${clamped}`)
  }
})
