import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { unknownSid } from './provoke.ts'

// Two kinds of 404: a message that does not exist, and the messages of a conversation that does not exist.
check('msg.errors.not-found-code', async (ctx) => {
  const { api, conversation, messages, observe } = ctx
  const provoked = [
    { what: 'fetching an unknown message', exchange: await messages.fetch(unknownSid(ctx, 'IM')) },
    { what: 'listing the messages of an unknown conversation', exchange: await api.messages({ ...conversation, sid: unknownSid(ctx, 'CH') }).list() },
  ]
  // Only 404s are judged: whether these requests must answer 404 is msg.fetch.unknown-sid and .unknown-conversation.
  const notFound = provoked.filter((p) => p.exchange.response.status === 404)
  for (const p of provoked) if (!notFound.includes(p)) observe(`${p.what} answered ${p.exchange.response.status}, not 404: not judged here`)
  if (notFound.length === 0) throw new SetupFailure('no request meant to provoke a 404 was answered 404', provoked[0]!.exchange)
  for (const { exchange } of notFound) expectTwilioError(exchange, { status: 404, code: 20404 })
})
