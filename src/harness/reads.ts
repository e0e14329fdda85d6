/**
 * Reads that verify the effect of a write, settled (src/harness/settle.ts): each polls until the write is visible
 * (created messages listed, deleted ones gone, edits shown) or the settle time is spent, and returns the last
 * answer for the check to judge as usual. Visibility only: whether the answer is otherwise right is the check's.
 */
import type { ListQuery, MessagesApi, PagedResult } from '../client/api.ts'
import type { Exchange } from '../client/exchange.ts'
import { sameSid } from '../schemas/formats.ts'
import type { CheckContext } from './check.ts'

/** What a list must show for the writes before it to count as visible. */
export interface Visible {
  /** SIDs that must be listed. */
  present?: readonly string[]
  /** SIDs that must not be listed (deleted). */
  absent?: readonly string[]
  /** SID → the body it must be listed with (edited). */
  bodies?: Readonly<Record<string, string | null>>
}

type Settling = Pick<CheckContext, 'settle' | 'noteVisibility'>
type Fetching = Pick<CheckContext, 'settle'>

interface Item {
  sid?: unknown
  body?: unknown
}

/** Whether these list items show the writes. */
export function showsWrites(items: readonly unknown[], visible: Visible): boolean {
  const find = (sid: string) => findListed(items, sid)
  if ((visible.present ?? []).some((sid) => find(sid) === undefined)) return false
  if ((visible.absent ?? []).some((sid) => find(sid) !== undefined)) return false
  return Object.entries(visible.bodies ?? {}).every(([sid, body]) => find(sid)?.body === body)
}

/** The list item with this SID (compared as SIDs are, sameSid), if the items show it. */
export function findListed(items: readonly unknown[], sid: string): (Item & Record<string, unknown>) | undefined {
  return items.find((m): m is Item & Record<string, unknown> => typeof m === 'object' && m !== null && sameSid((m as Item).sid, sid))
}

/** The messages of a list page (none if the answer carries no messages array). */
export const itemsOf = (ex: Exchange): unknown[] => {
  const messages = (ex.json as { messages?: unknown } | undefined)?.messages
  return Array.isArray(messages) ? messages : []
}

/** One page of the list (the first, or as the query asks), once it shows the writes. */
export async function listShowing(ctx: Settling, messages: MessagesApi, visible: Visible, query: ListQuery = {}): Promise<Exchange> {
  const ex = await ctx.settle(
    () => messages.list(query),
    (ex) => ex.response.status === 200 && showsWrites(itemsOf(ex), visible),
  )
  noteMissing(ctx, itemsOf(ex), visible)
  return ex
}

/** Every page of the list, once together they show the writes. */
export async function listAllShowing(ctx: Settling, messages: MessagesApi, visible: Visible, query: ListQuery = {}, maxPages?: number): Promise<PagedResult> {
  const all = await ctx.settle(
    () => messages.listAll(query, maxPages),
    (all) => all.stoppedBecause === undefined && showsWrites(all.messages, visible),
  )
  noteMissing(ctx, all.messages, visible)
  return all
}

/**
 * Created messages a list never showed: a few are a fault; most of a run's are a target that stores nothing. A message
 * counts as shown only under a SID of its own (an echo gives every created message the example's IMaaaa…, which its
 * example page does list) and, when the check knows it, with the body it was created with.
 */
function noteMissing(ctx: Settling, items: readonly unknown[], visible: Visible): void {
  const present = visible.present ?? []
  if (present.length === 0) return
  const bodies = visible.bodies ?? {}
  const seen = new Set<string>()
  let missing = 0
  for (const sid of present) {
    const item = findListed(items, sid)
    const shared = seen.has(sid)
    seen.add(sid)
    if (item === undefined || shared || (Object.hasOwn(bodies, sid) && item.body !== bodies[sid])) missing++
  }
  ctx.noteVisibility(present.length, missing)
}

/** A fetch of a message after its delete, once the target no longer serves it. */
export function fetchAfterDelete(ctx: Fetching, messages: MessagesApi, sid: string): Promise<Exchange> {
  return ctx.settle(
    () => messages.fetch(sid),
    (ex) => ex.response.status < 200 || ex.response.status > 299,
  )
}

/** A fetch of a message after its edit, once it shows the edited body. */
export function fetchShowingBody(ctx: Fetching, messages: MessagesApi, sid: string, body: string | null): Promise<Exchange> {
  return ctx.settle(
    () => messages.fetch(sid),
    (ex) => ex.response.status === 200 && (ex.json as Item | undefined)?.body === body,
  )
}

/** A fetch of a message a refused write must have left in place, once the target serves it (200). */
export function fetchStillThere(ctx: Fetching, messages: MessagesApi, sid: string): Promise<Exchange> {
  // A fetch that does not find the message yet is the target's lag, not an answer.
  return ctx.settle(
    () => messages.fetch(sid),
    (ex) => ex.response.status === 200,
  )
}
