import fc from 'fast-check'
import { nearMissSid, notJson, overLimitBody } from '../../src/arbitraries/index.ts'
import type { MessageParams } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { sidsOf } from '../../src/harness/seed.ts'
import { expectSameJson, expectThat } from '../../src/harness/verify.ts'

/** Inputs the doc or spec forbids; each is rejected by a conformant server (which 4xx is its choice). */
const invalidCreate: fc.Arbitrary<MessageParams> = fc.oneof(
  overLimitBody.map((Body) => ({ Body })),
  notJson.map((Attributes) => ({ Body: 'valid body, invalid attributes', Attributes })),
  nearMissSid('ME').map((MediaSid) => ({ Body: 'valid body, malformed MediaSid', MediaSid })),
  nearMissSid('HX').map((ContentSid) => ({ Body: 'valid body, malformed ContentSid', ContentSid })),
)

// Property: whenever a create is rejected, the conversation holds exactly the messages it held before. Whether each
// input is rejected at all is judged by the requirement about that input (body-over-limit, attributes-invalid, ...),
// not here. What the conversation should hold is known (the message already there; anything an accepted input made
// is deleted again), so each list is compared with that, once it shows every write before it.
check('msg.create.rejected-leaves-nothing', async (ctx) => {
  const existing = await ctx.seedMessage({ Body: 'a message that is already there' })
  const removed: string[] = []
  const holds = async () => {
    const all = await listAllShowing(ctx, ctx.messages, { present: [existing.sid], absent: removed }, { PageSize: 50 })
    return { sids: sidsOf(all.messages as { sid: string }[]), last: all.pages.at(-1)! }
  }
  await ctx.property(
    fc.asyncProperty(invalidCreate, async (params) => {
      const res = await ctx.messages.create(params)
      if (res.response.status >= 200 && res.response.status < 300) {
        ctx.observe(`accepted an invalid create (${Object.keys(params).join(', ')}): judged by that input's own requirement`)
        const sid = (res.json as { sid?: string } | undefined)?.sid
        if (sid) {
          await ctx.messages.remove(sid)
          removed.push(sid)
        }
        return
      }
      expectThat(res.response.status >= 400, `an invalid create answered ${res.response.status}`, res)
      const after = await holds()
      expectSameJson(after.sids, [existing.sid], `after a rejected create (${res.response.status}) the conversation holds other messages than before`, after.last)
    }),
    {
      numRuns: Math.min(ctx.profile.numRuns, 25),
      // Always tried: one input of each kind the doc forbids.
      examples: [
        [{ Body: 'x'.repeat(32_769) }],
        [{ Body: 'valid body, invalid attributes', Attributes: "{ 'importance': 'high' }" }],
        [{ Body: 'valid body, malformed MediaSid', MediaSid: 'ME' + '0'.repeat(31) }],
        [{ Body: 'valid body, malformed ContentSid', ContentSid: 'hx' + '0'.repeat(32) }],
      ],
    },
  )
})
