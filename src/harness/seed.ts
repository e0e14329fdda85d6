import type { MessagesApi } from '../client/api.ts'
import type { MessageResource } from '../client/resources.ts'
import type { CheckContext } from './check.ts'
import { listShowing } from './reads.ts'

/**
 * Creates `count` messages one after another (so their order of receipt is known), then waits until the first page
 * of the list (PageSize 100: more than any check seeds) shows them all, so that the list checks judge lists known to
 * be up to date. Only waits: a list that never shows them is judged by the check that reads it next.
 */
export async function seedMessages(ctx: Pick<CheckContext, 'seedMessage' | 'settle' | 'noteVisibility' | 'messages'>, count: number, label = 'message', messages: MessagesApi = ctx.messages): Promise<MessageResource[]> {
  const made: MessageResource[] = []
  const bodies: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const Body = `${label} ${i + 1} of ${count}`
    const m = await ctx.seedMessage({ Body }, messages)
    made.push(m)
    bodies[m.sid] = Body
  }
  await listShowing(ctx, messages, { present: made.map((m) => m.sid), bodies }, { PageSize: 100 })
  return made
}

/** SIDs in listing order, for comparing orders in failure messages. */
export const sidsOf = (messages: readonly { sid: string }[]): string[] => messages.map((m) => m.sid)

/** Short, readable labels (the body) for an order mismatch message. */
export const bodiesOf = (messages: readonly { body: string | null }[]): string => messages.map((m) => JSON.stringify(m.body)).join(', ')
