import { check } from '../../src/harness/check.ts'
import { bodiesOf, seedMessages, sidsOf } from '../../src/harness/seed.ts'
import { expectSameJson } from '../../src/harness/verify.ts'
import { refusedOrPage } from './refused-or-ignored.ts'

// Order is the enum asc | desc. Another value (a word, empty, random hex) may be refused as invalid input or ignored,
// and ignoring it means the default: ascending. A server that tests only for "asc" and lists everything else
// newest first gives descending order, which no reading of the doc allows.
check('msg.list.order-invalid', async (ctx) => {
  const created = await seedMessages(ctx, 3)
  const ascending = sidsOf(created)
  for (const order of ['sideways', '', `x${ctx.randomHex(3)}`]) {
    const what = `Order=${JSON.stringify(order)}`
    const res = await ctx.messages.list({ Order: order })
    const reaction = refusedOrPage(res, what, ctx.scope)
    if (reaction.refused) {
      ctx.observe(`${what}: refused with ${reaction.status} / ${reaction.code}`)
      continue
    }
    const listed = reaction.page.messages
    const descending = sidsOf(listed).join() === [...ascending].reverse().join()
    expectSameJson(sidsOf(listed), ascending, `${what} was accepted, so it should be ignored and the list ascending (${bodiesOf(created)}); got ${descending ? 'descending order' : 'another order'}: ${bodiesOf(listed)}`, res)
    ctx.observe(`${what}: ignored (ascending order)`)
  }
})
