import type { MessageParams } from '../client/api.ts'
import type { Exchange } from '../client/exchange.ts'
import type { CheckContext } from './check.ts'
import { SetupFailure } from './failure.ts'
import { findListed, itemsOf, listShowing } from './reads.ts'

/** One response that carries a message, and the message as that response shows it. */
export interface MessageView {
  /** Which operation answered: the representation checks name it in their failures. */
  where: 'create' | 'fetch' | 'update' | 'list'
  /** The message as sent (a create response body, a fetch response body, or the list item). */
  message: Record<string, unknown>
  exchange: Exchange
}

/**
 * Creates a message with `params`, fetches it, updates it (to the same Body, so nothing the check looks at changes)
 * and lists the conversation (waiting for the list to show it): the four responses that carry a message, each held
 * to the same representation rules, for the checks that judge every representation of it. Whether those operations answer the right status
 * is other requirements' business, so anything but a 2xx that shows the message is a setup failure here.
 */
export async function messageViews(ctx: Pick<CheckContext, 'messages' | 'settle' | 'noteVisibility'>, params: MessageParams): Promise<MessageView[]> {
  const { messages } = ctx
  const created = await messages.create(params)
  const message = successBody(created, 'create')
  const sid = message['sid']
  if (typeof sid !== 'string') throw new SetupFailure('the create response carries no message sid to fetch it by', created)

  const fetched = await messages.fetch(sid)
  const updated = await messages.update(sid, { Body: typeof params.Body === 'string' ? params.Body : String(message['body'] ?? 'updated') })
  const listed = await listShowing(ctx, messages, { present: [sid], ...(typeof params.Body === 'string' ? { bodies: { [sid]: params.Body } } : {}) })
  successBody(listed, 'list') // a 2xx with a page, or a setup failure
  const item = findListed(itemsOf(listed), sid)
  if (item === undefined) throw new SetupFailure(`the first page of the list does not show the message ${sid} just created (waited the settle time)`, listed)

  return [
    { where: 'create', message, exchange: created },
    { where: 'fetch', message: successBody(fetched, 'fetch'), exchange: fetched },
    { where: 'update', message: successBody(updated, 'update'), exchange: updated },
    { where: 'list', message: item, exchange: listed },
  ]
}

function successBody(ex: Exchange, what: string): Record<string, unknown> {
  const ok = ex.response.status >= 200 && ex.response.status <= 299
  if (!ok || typeof ex.json !== 'object' || ex.json === null || Array.isArray(ex.json)) {
    throw new SetupFailure(`could not ${what} a message to look at: ${ex.request.method} ${ex.request.path} answered ${ex.response.status}`, ex)
  }
  return ex.json as Record<string, unknown>
}
