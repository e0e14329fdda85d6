import { check } from '../../src/harness/check.ts'
import { expectPage, expectRejected, expectThat } from '../../src/harness/verify.ts'

// The Message page puts PageSize in 1..100 but gives no reaction to a value outside it, and Twilio's error 20007 says
// "The maximum page size is 1000" (the OpenAPI maximum was 1000 until 2025). So each of these is conformant: refused
// with a 4xx Twilio error, clamped into 1..100, or, over 100, read under a maximum of 1,000: honoured up to 1,000 and
// clamped to 1,000 beyond. Never allowed: a page_size outside 1..1000, or above what was asked, or a page holding more
// messages than its page_size. PageSize 0 and 1001 are honoured under no reading. Which reading the target chose is recorded (msg.list.page-size-max-100 judges the Message page's own).
check('msg.list.page-size-out-of-range', async (ctx) => {
  await ctx.seedMessage()
  for (const size of [0, 101, 1000, 1001]) {
    const res = await ctx.messages.list({ PageSize: size })
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, `PageSize=${size}`)
      ctx.reading(`page-size-${size}`, `refused with ${res.response.status}`)
      continue
    }
    const page = expectPage(res, ctx.scope)
    const given = page.meta.page_size
    const honoured = size > 100 && given === Math.min(size, 1000)
    const clamped = Number.isInteger(given) && given >= 1 && given <= 100
    expectThat(honoured || clamped, `PageSize=${size} was accepted with meta.page_size ${given}: neither clamped into 1..100 nor${size > 100 ? ` read under the maximum of 1,000 (${Math.min(size, 1000)})` : ' (0 being under every minimum) anything else'}`, res)
    expectThat(page.messages.length <= given, `a page holds ${page.messages.length} messages, more than its meta.page_size ${given}`, res)
    ctx.reading(`page-size-${size}`, honoured ? `${given === size ? 'honoured' : 'clamped to 1,000'} (the maximum of error 20007)` : `clamped to ${given}`)
  }
})
