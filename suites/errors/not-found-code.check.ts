import { check } from '../../src/harness/check.ts'
import { requireJudged } from '../../src/harness/evidence-guards.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { provokeNotFound } from './provoke.ts'

// Every kind of 404 a message request meets: a message that does not exist, fetched, updated and deleted, and the
// messages of a conversation that does not exist.
check('msg.errors.not-found-code', async (ctx) => {
  const provoked = await provokeNotFound(ctx)
  // Only 404s are judged: whether these requests must answer 404 is msg.fetch.unknown-sid, msg.update.unknown-sid,
  // msg.delete.unknown-sid and msg.fetch.unknown-conversation.
  const notFound = provoked.filter((p) => p.exchange.response.status === 404)
  for (const p of provoked) if (!notFound.includes(p)) ctx.observe(`${p.what} answered ${p.exchange.response.status}, not 404: not judged here`)
  requireJudged(ctx, notFound.length, 'no request meant to provoke a 404 was answered 404')
  for (const { exchange } of notFound) expectTwilioError(exchange, { status: 404, code: 20404 })
})
