import { check } from '../../src/harness/check.ts'
import { expectPage, expectRejected, expectThat } from '../../src/harness/verify.ts'

// The Message page's own reading of its maximum ("The default is 50, and the maximum is 100"): a PageSize over 100 is
// refused or clamped to at most 100. Honouring it up to 1,000, as Twilio's error 20007 allows, is conformant
// (msg.list.page-size-out-of-range), so this is a should: it tells a client whether pages over 100 can be asked for.
check('msg.list.page-size-max-100', async (ctx) => {
  await ctx.seedMessage()
  for (const size of [101, 1000]) {
    const res = await ctx.messages.list({ PageSize: size })
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, `PageSize=${size}`)
      ctx.reading(`page-size-${size}`, `refused with ${res.response.status}`)
      continue
    }
    const given = expectPage(res, ctx.scope).meta.page_size
    expectThat(Number.isInteger(given) && given >= 1 && given <= 100, `PageSize=${size} was honoured with meta.page_size ${given}, over the Message page's maximum of 100`, res)
    ctx.reading(`page-size-${size}`, `clamped to ${given}`)
  }
})
