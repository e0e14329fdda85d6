/**
 * Every view after every write. A write (create, update, delete) is proved by reading the message back through
 * every view the API gives of it: a fetch and the list, in both URL scopes (/v1/Conversations/… and
 * /v1/Services/{IS}/Conversations/…), the list in ascending and in descending order, and the page it falls on when
 * the list is cut into pages. Its neighbours (messages the check wrote earlier) are read in the same lists and must
 * be untouched. A check states what the message must show once; this module reads every view, so no check can
 * forget one. Reads settle as every read after a write does (ctx.settle), so a lagging but consistent target passes.
 */
import { type ConversationRef, type ListQuery, type MessagesApi, SCOPES, type Scope } from '../client/api.ts'
import type { Exchange } from '../client/exchange.ts'
import { sameSid } from '../schemas/formats.ts'
import type { CheckContext } from './check.ts'
import { CheckFailure, SetupFailure } from './failure.ts'
import { findListed } from './reads.ts'
import { describe, jsonValueOf } from './verify.ts'

type Ctx = Pick<CheckContext, 'api' | 'scope' | 'conversation' | 'messages' | 'settle' | 'noteVisibility' | 'observe'>
type Message = Record<string, unknown>

/** What one view of the written message must show: a problem in words, or undefined when it shows the write. */
export type Judge = (message: Message) => string | undefined

/** One route to the conversation's messages. */
interface Route {
  scope: Scope
  messages: MessagesApi
}

/** A write to read back, and what its message must show. */
interface Write {
  sid: string
  judge: Judge
}

/** The pages a list gave, and their messages in order. */
interface Listing {
  items: Message[]
  last: Exchange
  stopped?: string
}

/** The list orders every write is read back in: the default (ascending, no Order sent) and descending. */
const ORDERS: ReadonlyArray<{ name: string; query: ListQuery }> = [
  { name: 'ascending (default order)', query: {} },
  { name: 'descending', query: { Order: 'desc' } },
]
/** Conversations in checks hold well under this many pages: a list that goes on is judged, not followed forever. */
const MAX_PAGES = 20
/** Writes of a property read back at once (wroteInProperty): few enough that a failure names a recent input. */
const BATCH = 8
/** The documented largest page. */
const MAX_PAGE_SIZE = 100

/**
 * The fields that make a message what it is: a neighbour whose values of these change was touched by a write to
 * another message. URLs, links and chat_service_sid are left out (they name the route), and delivery (the service
 * fills it in as receipts arrive). Dates compare as instants, attributes as the JSON value they hold.
 */
const STABLE_FIELDS = ['sid', 'index', 'account_sid', 'conversation_sid', 'body', 'author', 'attributes', 'media', 'content_sid', 'participant_sid', 'date_created', 'date_updated'] as const

function stableOf(m: Message): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of STABLE_FIELDS) {
    const v = m[f]
    out[f] = f === 'attributes' ? jsonValueOf(v) : f === 'date_created' || f === 'date_updated' ? (typeof v === 'string' ? Date.parse(v) : v) : f === 'sid' && typeof v === 'string' ? v.slice(0, 2) + v.slice(2).toLowerCase() : v
  }
  return out
}

/** The first field whose value differs, as words, or undefined. */
function changed(before: Record<string, unknown>, now: Message): string | undefined {
  const after = stableOf(now)
  for (const f of STABLE_FIELDS) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) return `${f} was ${short(before[f])}, now ${short(after[f])}`
  }
  return undefined
}

const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'nothing'
  return s.length > 80 ? `${s.slice(0, 80)}…` : s
}

/**
 * The views of one conversation, for the writes of one check. `begin` plants a neighbour (a message written before
 * the check's own), and every write read back through `afterWrite` becomes a neighbour of the next.
 */
export class EveryView {
  /** SID → the stable fields of each neighbour as last verified. */
  private readonly neighbours = new Map<string, Record<string, unknown>>()
  /** Writes noted and not yet read back. */
  private readonly pending: Write[] = []

  private constructor(
    private readonly ctx: Ctx,
    private readonly routes: readonly Route[],
  ) {}

  /** Plants one neighbour message in the check's conversation and records it as every view must keep showing it. */
  static async begin(ctx: Ctx & Pick<CheckContext, 'seedMessage'>): Promise<EveryView> {
    const views = new EveryView(ctx, routesOf(ctx))
    const neighbour = await ctx.seedMessage({ Body: 'a neighbour: no write of this check may touch it', Attributes: '{"neighbour":true}' })
    views.neighbours.set(neighbour.sid, stableOf(neighbour))
    return views
  }

  /** Records a message the check made (a seed) as a neighbour: every later reading must show it as it is now. */
  keep(message: { sid: string }): void {
    this.neighbours.set(message.sid, stableOf(message as unknown as Message))
  }

  /**
   * After writes that were refused: every view still shows every neighbour exactly as it was (a fetch of each through
   * every route, every list), so a refused write that changed or deleted something all the same is caught.
   */
  async unchanged(): Promise<void> {
    const kept = [...this.neighbours]
    for (const [sid, before] of kept) {
      this.wrote(sid, (m) => {
        const diff = changed(before, m)
        return diff === undefined ? undefined : `the message ${sid}, which only refused writes addressed, changed: ${diff}`
      })
    }
    await this.verify()
  }

  /**
   * After a create or an update of `sid`: every view shows it, as `judge` requires, exactly once in each list; every
   * neighbour is still listed unchanged; the page it falls on holds it. Returns the message as a fetch shows it.
   */
  async afterWrite(sid: string, judge: Judge = () => undefined): Promise<Message> {
    this.wrote(sid, judge)
    return (await this.verify())[0]!
  }

  /**
   * Notes a write to read back with the next `verify`: a check of many writes (a property, a table of input classes)
   * reads the lists once for all of them rather than once for each.
   */
  wrote(sid: string, judge: Judge = () => undefined): void {
    // A message the check writes again (an update) is no longer a neighbour: it is judged as written.
    for (const known of this.neighbours.keys()) if (sameSid(known, sid)) this.neighbours.delete(known)
    this.pending.push({ sid, judge })
  }

  /**
   * For a property: notes a write, and reads back the writes noted so far once there are `BATCH` of them, so that
   * the reading is paid inside the property's time (which bounds the runs) rather than all after it. A verify after
   * the property reads back the rest.
   */
  async wroteInProperty(sid: string, judge: Judge = () => undefined): Promise<void> {
    this.wrote(sid, judge)
    if (this.pending.length >= BATCH) await this.verify()
  }

  /**
   * Reads back every write noted since the last verify: a fetch of each through every route, the list in each order
   * through every route (each written message exactly once, as its judge requires; every neighbour unchanged), and
   * the pages the messages fall on. Returns the messages as the fetches show them, in the order written.
   */
  async verify(): Promise<Message[]> {
    const writes = this.pending.splice(0)
    if (writes.length === 0) return []
    const shown: Message[] = []
    for (const { sid, judge } of writes) {
      for (const route of this.routes) {
        const fetched = await this.ctx.settle(
          () => route.messages.fetch(sid),
          (ex) => ex.response.status === 200 && judgeBody(ex, judge) === undefined,
        )
        const where = `a fetch through the ${route.scope} route`
        if (fetched.response.status !== 200) fail(`${where} answered ${fetched.response.status} for the message ${sid} just written`, fetched)
        const problem = judgeBody(fetched, judge)
        if (problem !== undefined) fail(`${where}: ${problem}`, fetched)
        if (route === this.routes[0]) shown.push(fetched.json as Message)
      }
    }
    let ascending: Message[] = []
    for (const route of this.routes) {
      for (const order of ORDERS) {
        const listing = await this.listShowing(route, order.query, (items) => listProblem(items, writes, this.neighbours) === undefined)
        const where = `the list (${order.name}) through the ${route.scope} route`
        this.judgeListing(listing, where)
        const problem = listProblem(listing.items, writes, this.neighbours)
        if (problem !== undefined) fail(`${where}: ${problem}`, listing.last)
        if (route === this.routes[0] && order.query.Order === undefined) ascending = listing.items
      }
    }
    await this.pagesTheyFallOn(this.routes[0]!, ascending, writes.map((w) => w.sid))
    writes.forEach((w, i) => this.neighbours.set(w.sid, stableOf(shown[i]!)))
    return shown
  }

  /** After a delete of `sid`: no view shows it any more, and every neighbour is still listed unchanged. */
  async afterDelete(sid: string): Promise<void> {
    this.neighbours.delete(sid)
    for (const route of this.routes) {
      const fetched = await this.ctx.settle(
        () => route.messages.fetch(sid),
        (ex) => ex.response.status < 200 || ex.response.status > 299,
      )
      if (fetched.response.status >= 200 && fetched.response.status <= 299) fail(`a fetch through the ${route.scope} route still shows the deleted message ${sid}`, fetched)
      for (const order of ORDERS) {
        const gone = (items: readonly Message[]) => findListed(items, sid) === undefined && neighbourProblem(items, this.neighbours) === undefined
        const listing = await this.listShowing(route, order.query, gone)
        const where = `the list (${order.name}) through the ${route.scope} route`
        this.judgeListing(listing, where)
        if (findListed(listing.items, sid) !== undefined) fail(`${where} still shows the deleted message ${sid}`, listing.last)
        const problem = neighbourProblem(listing.items, this.neighbours)
        if (problem !== undefined) fail(`${where}: ${problem}`, listing.last)
      }
    }
  }

  /** Every page of one list, settled until `agrees`. */
  private async listShowing(route: Route, query: ListQuery, agrees: (items: readonly Message[]) => boolean): Promise<Listing> {
    const all = await this.ctx.settle(
      () => route.messages.listAll(query, MAX_PAGES),
      (r) => r.stoppedBecause === undefined && agrees(r.messages as Message[]),
    )
    const expected = [...this.neighbours.keys()]
    this.ctx.noteVisibility(expected.length, expected.filter((s) => findListed(all.messages, s) === undefined).length)
    return { items: all.messages as Message[], last: all.pages.at(-1)!, ...(all.stoppedBecause !== undefined ? { stopped: all.stoppedBecause } : {}) }
  }

  /** A list that could not be read whole is a precondition that failed (paging is msg.list.*'s to judge). */
  private judgeListing(listing: Listing, where: string): void {
    if (listing.stopped !== undefined) throw new SetupFailure(`could not read ${where} after a write: ${listing.stopped}`, listing.last)
  }

  /**
   * The pages the written messages fall on: the list cut into pages of a third of its length (1 to 100), followed
   * through the next_page_url the API hands out. The message at place p of the whole list must be at place p mod
   * size of page p / size.
   */
  private async pagesTheyFallOn(route: Route, ascending: readonly Message[], sids: readonly string[]): Promise<void> {
    const size = Math.max(1, Math.min(Math.ceil(ascending.length / 3), MAX_PAGE_SIZE))
    const paged = await route.messages.listAll({ PageSize: size }, MAX_PAGES)
    const where = `the list in pages of ${size} through the ${route.scope} route`
    for (const sid of sids) {
      const position = ascending.findIndex((m) => sameSid(m['sid'], sid))
      if (position < 0) continue // the lists above already failed
      const pageNumber = Math.floor(position / size)
      const page = paged.pages[pageNumber]
      if (page === undefined) fail(`${where} ends before page ${pageNumber}, where the message ${sid} falls${paged.stoppedBecause ? ` (${paged.stoppedBecause})` : ''}`, paged.pages.at(-1)!)
      const items = (page.json as { messages?: unknown } | undefined)?.messages
      const at = Array.isArray(items) ? (items[position % size] as Message | undefined) : undefined
      if (page.response.status !== 200 || !sameSid(at?.['sid'], sid)) {
        fail(`${where}: page ${pageNumber} shows ${short(at?.['sid'])} at place ${position % size}, where the message ${sid} falls`, page)
      }
    }
  }
}

/** The routes of the check's conversation: its own first, then the other scope when a service is known. */
function routesOf(ctx: Ctx): Route[] {
  const { api, scope, conversation } = ctx
  const routes: Route[] = [{ scope, messages: ctx.messages }]
  const other = SCOPES.find((s) => s !== scope)!
  if (other === 'service' && !conversation.serviceSid) {
    ctx.observe('no chat service known for the conversation: its writes were read back through the default route only')
    return routes
  }
  const ref: ConversationRef = { sid: conversation.sid, serviceSid: conversation.serviceSid, scope: other }
  routes.push({ scope: other, messages: api.messages(ref) })
  return routes
}

function judgeBody(ex: Exchange, judge: Judge): string | undefined {
  const body = ex.json as Message | undefined
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the answer is not a message'
  return judge(body)
}

/** Why a list does not show the writes: a message missing, listed twice, shown otherwise, or a neighbour touched. */
function listProblem(items: readonly Message[], writes: readonly Write[], neighbours: ReadonlyMap<string, Record<string, unknown>>): string | undefined {
  for (const { sid, judge } of writes) {
    const found = items.filter((m) => sameSid(m['sid'], sid))
    if (found.length === 0) return `it does not show the message ${sid} just written`
    if (found.length > 1) return `it shows the message ${sid} ${found.length} times`
    const problem = judge(found[0]!)
    if (problem !== undefined) return problem
  }
  return neighbourProblem(items, neighbours)
}

function neighbourProblem(items: readonly Message[], neighbours: ReadonlyMap<string, Record<string, unknown>>): string | undefined {
  for (const [sid, before] of neighbours) {
    const now = findListed(items, sid)
    if (now === undefined) return `the neighbour message ${sid}, which no write of this check touched, is no longer listed`
    const diff = changed(before, now)
    if (diff !== undefined) return `the neighbour message ${sid}, which no write of this check touched, changed: ${diff}`
  }
  return undefined
}

function fail(message: string, ex: Exchange): never {
  throw new CheckFailure(`${message}: ${describe(ex)}`, ex)
}

/** A judge that wants `field` to be exactly `value` (as sent: byte for byte, no trimming or normalisation). */
export const shows =
  (field: string, value: unknown): Judge =>
  (m) =>
    m[field] === value ? undefined : `${field} is ${short(m[field])}, sent ${short(value)}`

/** Judges that must all agree; the first problem is the answer. */
export const allOf =
  (...judges: Judge[]): Judge =>
  (m) => {
    for (const judge of judges) {
      const problem = judge(m)
      if (problem !== undefined) return problem
    }
    return undefined
  }
