import type { Exchange } from '../../src/client/exchange.ts'
import type { CheckContext } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { listAllShowing } from '../../src/harness/reads.ts'
import { describe, expectThat } from '../../src/harness/verify.ts'

/**
 * After a create was refused in a conversation where the check made nothing else: the whole list (settled) must be
 * empty. A server that stores the message and only then finds the media or template missing fails here.
 */
export async function expectStoredNothing(ctx: Pick<CheckContext, 'settle' | 'noteVisibility' | 'messages'>, refusal: Exchange, what: string): Promise<void> {
  const all = await listAllShowing(ctx, ctx.messages, {})
  if (all.stoppedBecause !== undefined) throw new SetupFailure(`could not list the conversation to see that nothing was stored: ${all.stoppedBecause}`, all.pages.at(-1))
  const sids = all.messages.map((m) => (m as { sid?: unknown } | null)?.sid)
  expectThat(sids.length === 0, `a refused create stored a message all the same: the list shows ${sids.join(', ')} after ${what} was refused (${describe(refusal)})`, all.pages.at(-1))
}
