import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { refusedOrPage } from './refused-or-ignored.ts'

// PageSize is an integer from 1 to 100. A value that is no such integer may be refused as invalid input or ignored
// (the default page size, 50); -1 is an integer out of range, so it may also be clamped into 1..100 as
// msg.list.page-size-out-of-range allows for 0. What is never right: reading "1.5" as 1 or "abc" as something, or a 5xx.
check('msg.list.page-size-invalid', async (ctx) => {
  await ctx.seedMessage()
  for (const size of ['abc', '1.5', '-1', '', `${ctx.randomHex(2)}x`]) {
    const what = `PageSize=${JSON.stringify(size)}`
    const res = await ctx.messages.list({ PageSize: size })
    const reaction = refusedOrPage(res, what, ctx.scope)
    if (reaction.refused) {
      ctx.observe(`${what}: refused with ${reaction.status} / ${reaction.code}`)
      continue
    }
    const { meta, messages } = reaction.page
    const clampable = size === '-1'
    const allowed = clampable ? Number.isInteger(meta.page_size) && meta.page_size >= 1 && meta.page_size <= 100 : meta.page_size === 50
    expectThat(
      allowed,
      `${what} was accepted, so it should be ignored (meta.page_size the default 50${clampable ? ', or clamped into 1..100' : ''}), got meta.page_size ${JSON.stringify(meta.page_size)}`,
      res,
    )
    expectThat(messages.length <= meta.page_size, `${what}: the page holds ${messages.length} messages, more than its meta.page_size ${meta.page_size}`, res)
    ctx.observe(`${what}: ${meta.page_size === 50 ? 'ignored' : `clamped to ${meta.page_size}`}`)
  }
})
