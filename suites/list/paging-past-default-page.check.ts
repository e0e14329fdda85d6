import { triedValues } from '../../src/arbitraries/index.ts'
import type { MessagesApi } from '../../src/client/api.ts'
import type { CheckContext } from '../../src/harness/check.ts'
import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { expectSameJson, expectThat } from '../../src/harness/verify.ts'

/** More messages than the default page (50) holds, so that no PageSize class lists them all on one default page. */
const MESSAGES = 53
/** Creates at once while seeding: their order of receipt does not matter here, only that each is listed once. */
const BURST = 8

/** Creates `count` messages, `BURST` at a time, and returns their SIDs. */
async function seedMany(ctx: Pick<CheckContext, 'seedMessage'>, count: number): Promise<string[]> {
  const sids: string[] = []
  for (let i = 0; i < count; i += BURST) {
    const made = await Promise.all(Array.from({ length: Math.min(BURST, count - i) }, (_, j) => ctx.seedMessage({ Body: `paging past the default page, ${i + j + 1} of ${count}` })))
    sids.push(...made.map((m) => m.sid))
  }
  return sids
}

const sidOf = (m: unknown): string => String((m as { sid?: unknown } | null)?.sid)

// A conversation of more messages than the default page, listed with a PageSize of each class (src/arbitraries/
// classes.ts: 1, small, the default 50, 51 to 100, the maximum 100) and without one: following next_page_url yields
// every message exactly once, in the order of the whole list, and no page holds more than the PageSize asked for, nor
// fewer while more follow. Pages are only ever reached through the URLs the API hands out.
check('msg.list.paging-past-default-page', async (ctx) => {
  const created = await seedMany(ctx, MESSAGES)
  // The whole list in one page of the maximum size, once it shows every message: the order the pages must follow.
  const whole = await listAllShowing(ctx, ctx.messages, { present: created }, { PageSize: 100 })
  if (whole.stoppedBecause !== undefined || whole.messages.length !== MESSAGES) {
    throw new SetupFailure(`could not list the ${MESSAGES} messages just created in pages of 100: ${whole.stoppedBecause ?? `${whole.messages.length} listed`}`, whole.pages.at(-1))
  }
  const order = whole.messages.map(sidOf)
  const sizes: Array<number | undefined> = [undefined, ...triedValues('msg.list.paging-past-default-page', 'PageSize').map(({ value }) => Number(value))]
  for (const size of sizes) await expectPartition(ctx.messages, size, order)
  // Over a hundred requests (the pages of 1 alone are 53), under a production target's rate limits: twice the time.
}, { timeScale: 2 })

async function expectPartition(messages: MessagesApi, size: number | undefined, order: readonly string[]): Promise<void> {
  const asked = size ?? 50
  const what = size === undefined ? 'the list without PageSize (the default page, 50)' : `the list with PageSize=${size}`
  const all = await messages.listAll(size === undefined ? {} : { PageSize: size }, Math.ceil(order.length / asked) + 2)
  const last = all.pages.at(-1)!
  expectThat(all.stoppedBecause === undefined, `${what} stopped: ${all.stoppedBecause}`, last)
  all.pages.forEach((page, i) => {
    const held = ((page.json as { messages?: unknown[] } | undefined)?.messages ?? []).length
    expectThat(held <= asked, `${what}: page ${i} holds ${held} messages, more than the ${asked} asked for`, page)
    if (i < all.pages.length - 1) expectThat(held === asked, `${what}: page ${i} holds ${held} messages though more follow; a page holds the ${asked} asked for until the last`, page)
  })
  expectSameJson(all.messages.map(sidOf), order, `${what} should yield each of the ${order.length} messages exactly once, in the order of the whole list`, last)
}
