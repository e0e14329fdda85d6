// The errors the errors/ checks look at. Shared because every error must have the same shape, whatever caused it;
// whether each cause gets the right status is its own requirement (msg.fetch.unknown-sid, ...), not judged here.
import type { Exchange } from '../../src/client/exchange.ts'
import type { CheckContext } from '../../src/harness/check.ts'
import { requireJudged } from '../../src/harness/evidence-guards.ts'

export interface Provoked {
  what: string
  exchange: Exchange
}

/**
 * A well-formed SID that names nothing (random, so it cannot exist), in lower-case hex as Twilio issues SIDs: a
 * mixed-case one may be refused with 400 for its pattern (Twilio's validators write [0-9a-f]), never found or not.
 */
export const unknownSid = (ctx: Pick<CheckContext, 'randomHex'>, prefix: 'IM' | 'CH'): string => prefix + ctx.randomHex(16)

/**
 * Errors of every message operation: 404s (an unknown message fetched, updated and deleted), a 400 (invalid input)
 * and a 401 (no credentials), as the server answers them. Update and delete are here because their error paths are
 * often written apart from fetch's, and a server may get only those wrong.
 */
export async function provokeErrors(ctx: CheckContext): Promise<Provoked[]> {
  const { api, conversation, messages } = ctx
  return [
    ...(await provokeNotFound(ctx)),
    { what: 'creating a message with Attributes that are not JSON', exchange: await messages.create({ Body: 'never stored', Attributes: '{not json' }) },
    { what: 'listing without credentials', exchange: await api.messages(conversation, 'none').list() },
  ]
}

/** Requests for messages that do not exist, one per operation that names a message (and a list of an unknown conversation). */
export async function provokeNotFound(ctx: CheckContext): Promise<Provoked[]> {
  const { api, conversation, messages } = ctx
  return [
    { what: 'fetching an unknown message', exchange: await messages.fetch(unknownSid(ctx, 'IM')) },
    { what: 'updating an unknown message', exchange: await messages.update(unknownSid(ctx, 'IM'), { Body: 'edit of nothing' }) },
    { what: 'deleting an unknown message', exchange: await messages.remove(unknownSid(ctx, 'IM')) },
    { what: 'listing the messages of an unknown conversation', exchange: await api.messages({ ...conversation, sid: unknownSid(ctx, 'CH') }).list() },
  ]
}

/**
 * The provoked requests the server answered with a 4xx: those are the errors to judge. A request it accepted is
 * noted, not judged (that is another requirement's failure); if it refused none, there is nothing to judge, and the
 * check ends as not judged (never an empty pass).
 */
export function errorsAmong(provoked: readonly Provoked[], ctx: Pick<CheckContext, 'observe' | 'notJudged'>): Provoked[] {
  const errors = provoked.filter((p) => p.exchange.response.status >= 400 && p.exchange.response.status <= 499)
  for (const p of provoked) if (!errors.includes(p)) ctx.observe(`${p.what} answered ${p.exchange.response.status}, not an error: not judged here`)
  requireJudged(ctx, errors.length, 'none of the requests meant to provoke an error was answered with a 4xx')
  return errors
}
