import type { Exchange } from '../../src/client/exchange.ts'
import type { CheckContext } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { describe, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

/**
 * After a create was refused in a conversation where the check made nothing else (but the messages `accepted`, by
 * SID): the whole list (settled, once it shows those) must hold nothing else. A server that stores the message and
 * only then finds the media or template missing fails here. `refusal` is quoted in the failure when there is one.
 */
export async function expectStoredNothing(ctx: Pick<CheckContext, 'settle' | 'noteVisibility' | 'messages'>, refusal: Exchange | undefined, what: string, accepted: readonly string[] = []): Promise<void> {
  const all = await listAllShowing(ctx, ctx.messages, { present: accepted })
  if (all.stoppedBecause !== undefined) throw new SetupFailure(`could not list the conversation to see that nothing was stored: ${all.stoppedBecause}`, all.pages.at(-1))
  const extra = all.messages.map((m) => (m as { sid?: unknown } | null)?.sid).filter((sid) => !accepted.some((a) => sameSid(a, sid)))
  const also = accepted.length > 0 ? ' also' : ''
  const quoted = refusal === undefined ? '' : ` (${describe(refusal)})`
  expectThat(extra.length === 0, `a refused create stored a message all the same: the list${also} shows ${extra.join(', ')} after ${what} was refused${quoted}`, all.pages.at(-1))
}
