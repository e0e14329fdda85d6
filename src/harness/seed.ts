import type { MessagesApi } from '../client/api.ts'
import type { MessageResource } from '../client/resources.ts'
import type { CheckContext } from './check.ts'

/** Creates `count` messages one after another (so their order of receipt is known): a precondition of list checks. */
export async function seedMessages(ctx: Pick<CheckContext, 'seedMessage'>, count: number, label = 'message', messages?: MessagesApi): Promise<MessageResource[]> {
  const made: MessageResource[] = []
  for (let i = 0; i < count; i++) made.push(await ctx.seedMessage({ Body: `${label} ${i + 1} of ${count}` }, messages))
  return made
}

/** SIDs in listing order, for comparing orders in failure messages. */
export const sidsOf = (messages: readonly { sid: string }[]): string[] => messages.map((m) => m.sid)

/** Short, readable labels (the body) for an order mismatch message. */
export const bodiesOf = (messages: readonly { body: string | null }[]): string => messages.map((m) => JSON.stringify(m.body)).join(', ')
