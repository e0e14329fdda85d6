// The errors the errors/ checks look at. Shared because every error must have the same shape, whatever caused it;
// whether each cause gets the right status is its own requirement (msg.fetch.unknown-sid, ...), not judged here.
import type { Exchange } from '../../src/client/exchange.ts'
import type { CheckContext } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'

export interface Provoked {
  what: string
  exchange: Exchange
}

/** A well-formed SID that names nothing (random, so it cannot exist). */
export const unknownSid = (ctx: Pick<CheckContext, 'randomHex'>, prefix: 'IM' | 'CH'): string => prefix + ctx.randomHex(16)

/** A 404 (unknown message), a 400 (invalid input) and a 401 (no credentials), as the server answers them. */
export async function provokeErrors(ctx: CheckContext): Promise<Provoked[]> {
  const { api, conversation, messages } = ctx
  return [
    { what: 'fetching an unknown message', exchange: await messages.fetch(unknownSid(ctx, 'IM')) },
    { what: 'creating a message with Attributes that are not JSON', exchange: await messages.create({ Body: 'never stored', Attributes: '{not json' }) },
    { what: 'listing without credentials', exchange: await api.messages(conversation, 'none').list() },
  ]
}

/**
 * The provoked requests the server answered with a 4xx: those are the errors to judge. A request it accepted is
 * noted, not judged (that is another requirement's failure); if it refused none, there is nothing to judge.
 */
export function errorsAmong(provoked: readonly Provoked[], observe: (note: string) => void): Provoked[] {
  const errors = provoked.filter((p) => p.exchange.response.status >= 400 && p.exchange.response.status <= 499)
  for (const p of provoked) if (!errors.includes(p)) observe(`${p.what} answered ${p.exchange.response.status}, not an error: not judged here`)
  if (errors.length === 0) throw new SetupFailure('none of the requests meant to provoke an error was answered with a 4xx', provoked[0]?.exchange)
  return errors
}
