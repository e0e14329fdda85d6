import { check } from '../../src/harness/check.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectThat } from '../../src/harness/verify.ts'

// Indices may skip numbers but always follow the order of receipt: checked across a delete (an index must
// not be reused) and across concurrent creates (each must get its own).
check('msg.list.index-increasing', async (ctx) => {
  const [, middle] = await seedMessages(ctx, 3)
  const removed = await ctx.messages.remove(middle!.sid)
  expectThat(removed.response.status >= 200 && removed.response.status < 300, 'could not delete a message', removed)
  const later = await seedMessages(ctx, 1, 'after the delete')
  const concurrent = await Promise.all([1, 2, 3, 4].map((i) => ctx.seedMessage({ Body: `concurrent ${i}` })))
  const all = await listAllShowing(ctx, ctx.messages, { present: [...later, ...concurrent].map((m) => m.sid), absent: [middle!.sid] }, { PageSize: 50 })
  const last = all.pages[all.pages.length - 1]!
  const indexes = (all.messages as { index: number }[]).map((m) => m.index)
  expectThat(indexes.length === 7, `expected 7 messages, listed ${indexes.length}`, last)
  for (let i = 1; i < indexes.length; i++) {
    expectThat(indexes[i]! > indexes[i - 1]!, `index must strictly increase in list order, got ${indexes.join(', ')}`, last)
  }
  const newest = (all.messages as { sid: string }[]).findIndex((m) => m.sid === later[0]!.sid)
  expectThat(newest === 2, `the message created after the delete should come third, at index > the others before it; order was ${indexes.join(', ')}`, last)
})
