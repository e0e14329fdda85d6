import { check } from '../../src/harness/check.ts'
import { requireJudged } from '../../src/harness/evidence-guards.ts'
import { expectThat, moreInfoOf } from '../../src/harness/verify.ts'
import { errorsAmong, provokeErrors } from './provoke.ts'

// Every real sample links https://www.twilio.com/docs/errors/<code> (reference/twilio-behaviour.md §2.1).
check('msg.errors.more-info', async (ctx) => {
  let judged = 0
  for (const { what, exchange } of errorsAmong(await provokeErrors(ctx), ctx)) {
    const body = exchange.json as { code?: unknown; more_info?: unknown } | undefined
    // A body without a numeric code or a more_info string is msg.errors.format's failure, not this one.
    if (typeof body?.code !== 'number' || typeof body.more_info !== 'string') {
      ctx.observe(`${what}: no code and more_info to compare`)
      continue
    }
    const expected = moreInfoOf(body.code)
    expectThat(body.more_info.replace(/\/$/, '') === expected, `${what}: more_info is ${JSON.stringify(body.more_info)}, expected ${expected}`, exchange)
    judged++
  }
  // No empty passes: an error with no code and more_info to compare shows nothing about this requirement.
  requireJudged(ctx, judged, 'no error the target answered had a numeric code and a more_info string to compare')
})
