import { check } from '../../src/harness/check.ts'
import { seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectSameJson, expectThat } from '../../src/harness/verify.ts'
import { refusedOrPage } from './refused-or-ignored.ts'

// Page is an integer of 0 or more, "simply for client state". A negative or non-integer Page may be refused as
// invalid input or ignored, and ignoring it means the first page. Since Page is the client's state, a server may also
// echo a negative integer Page into meta.page while serving the first page: that is recorded as a reading. Using it as
// an offset (another page), or echoing what is not an integer ("abc", 1.5) into meta.page, is neither.
check('msg.list.page-invalid', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  const firstPage = sidsOf(created.slice(0, 2))
  for (const page of ['-1', 'abc', '1.5', `-${ctx.randomHex(1)}`]) {
    const what = `Page=${JSON.stringify(page)}`
    const res = await ctx.messages.list({ PageSize: 2, Page: page })
    const reaction = refusedOrPage(res, what, ctx.scope)
    if (reaction.refused) {
      ctx.reading(what, `refused with ${reaction.status} / ${reaction.code}`)
      continue
    }
    const { meta, messages } = reaction.page
    const negativeInteger = /^-[0-9]+$/.test(page)
    const echoed = negativeInteger && meta.page === Number(page)
    expectThat(meta.page === 0 || echoed, `${what} was accepted, so it should be ignored and meta.page be 0${negativeInteger ? ` (or echo ${page})` : ''}, got ${JSON.stringify(meta.page)}`, res)
    expectSameJson(sidsOf(messages), firstPage, `${what} was accepted, so it should be ignored and give the first page`, res)
    ctx.reading(what, echoed ? 'ignored (the first page), echoed in meta.page' : 'ignored (the first page)')
  }
})
