import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

/** How many creates are sent at once: enough to overlap on any server that handles requests in parallel. */
const BURST = 10

// "The index of the message within the Conversation. Indices may skip numbers, but will always be in order of when
// the message was received." A burst of creates sent at once is received in some order the server chooses; whatever
// it is, each message gets an index of its own, the list (ascending) reports them in strictly increasing index order,
// and each create answered with the index the list shows.
check('msg.create.concurrent-index', async (ctx) => {
  const made = await Promise.all(Array.from({ length: BURST }, (_, i) => ctx.seedMessage({ Body: `concurrent create ${i + 1} of ${BURST}` })))
  const all = await listAllShowing(ctx, ctx.messages, { present: made.map((m) => m.sid) }, { PageSize: 100 })
  const last = all.pages.at(-1)!
  if (all.stoppedBecause !== undefined) throw new SetupFailure(`could not list the conversation: ${all.stoppedBecause}`, last)
  const listed = all.messages as Array<{ sid?: unknown; index?: unknown }>
  const indexes = listed.map((m) => m.index)
  expectThat(indexes.every((i) => Number.isInteger(i)), `the list shows indexes that are not integers: ${JSON.stringify(indexes)}`, last)
  const distinct = new Set(indexes)
  expectThat(distinct.size === indexes.length, `${BURST} concurrent creates share indexes: the list shows ${indexes.join(', ')}`, last)
  for (let i = 1; i < indexes.length; i++) {
    expectThat((indexes[i] as number) > (indexes[i - 1] as number), `the list reports the messages of a burst of concurrent creates out of index order: ${indexes.join(', ')}`, last)
  }
  for (const m of made) {
    const item = listed.find((l) => sameSid(l.sid, m.sid))
    expectThat(item !== undefined, `the message ${m.sid} of the burst is not listed`, last)
    expectThat(item.index === m.index, `the create of ${m.sid} answered index ${m.index}, the list shows ${JSON.stringify(item.index)}`, last)
  }
})
