// The in-memory state: services, conversations, participants, users and messages. Pure data and
// invariants (index allocation, ordering, ownership, the lagged view of a list); no HTTP and no
// validation of client input.
import { SortedArray, type SortedItems } from './paging.ts'
import type { SidPrefix } from './sids.ts'
import { nowSeconds } from './time.ts'

/**
 * Every resource but a message carries the order in which it was created, store-wide. Lists are sorted
 * by it and page tokens name it, so a delete between two page requests cannot skip or repeat anything.
 */
interface Created {
  creationOrder: number
}

export interface Service extends Created {
  sid: string
  friendlyName: string
  dateCreated: number
  dateUpdated: number
}

export interface Participant extends Created {
  sid: string
  conversationSid: string
  serviceSid: string
  identity: string
  attributes: string
  dateCreated: number
  dateUpdated: number
}

/** A Conversations User: an identity known to a service. It outlives the participants made for it. */
export interface User extends Created {
  sid: string
  serviceSid: string
  identity: string
  friendlyName: string | null
  attributes: string
  roleSid: string | null
  dateCreated: number
  dateUpdated: number
}

export const byCreationOrder = (item: Created): number => item.creationOrder

/** A file uploaded to a service's Media Content Service (mock/routes-media.ts), which a message can carry by MediaSid. */
export interface Media extends Created {
  sid: string
  serviceSid: string
  contentType: string
  /** From the upload's Content-Disposition filename, else null. */
  filename: string | null
  size: number
  dateCreated: number
}

/** A Content template (mock/routes-media.ts): what a message made with ContentSid refers to. */
export interface ContentTemplate extends Created {
  sid: string
  friendlyName: string | null
  language: string
  variables: Record<string, string>
  types: Record<string, unknown>
  dateCreated: number
}

export interface Message {
  sid: string
  conversationSid: string
  serviceSid: string
  index: number
  author: string
  body: string | null
  mediaSid: string | null
  contentSid: string | null
  /** Stored because the create accepts it; never output (the doc's message schema has no such property). */
  contentVariables: string | null
  /** Stored because create and update accept it; never output (the doc's message schema has no `subject`). */
  subject: string | null
  attributes: string | null
  participantSid: string | null
  dateCreated: number
  dateUpdated: number
  /** False until DateUpdated is given or the message is edited (the `date-updated-null` variant shows null then). */
  dateUpdatedSet?: boolean
  /** A copy as first created; kept only under the `list-stale-after-update` fault. */
  asCreated?: Message
}

/** `from-one` is the `first-index-1` fault: the counter starts at 1 instead of 0. `clock` (the `index-from-clock` fault): the index is the time of the create in seconds, shared within a second. */
export type Indexing = 'counter' | 'gaps' | 'by-count' | 'from-one' | 'clock'

export type NewMessage = Omit<Message, 'sid' | 'conversationSid' | 'serviceSid' | 'index'>

/** One state of a message and the server time (ms) it began at; `state` is null from its deletion on. */
interface Version {
  since: number
  state: Message | null
}

/**
 * A conversation's messages, kept sorted by index so that paging is a binary search.
 * Indices come from a counter that only grows: the doc says indices "may skip numbers, but will
 * always be in order of when the message was received", so a deleted index is never reused.
 * Node runs each request handler to completion, so allocation is atomic even under concurrency.
 *
 * With a lag (the `list-lag` condition) the log also keeps, per message changed within the last
 * `lagMs` milliseconds, the versions it went through, so that `lagged()` can show the list as a
 * replica that far behind would. A message whose last change is older than the lag is "settled":
 * its history is dropped, and every view shows its live state.
 */
export class MessageLog implements SortedItems<Message> {
  private readonly ordered: Message[] = []
  private readonly bySid = new Map<string, Message>()
  /** Deleted messages, kept so that the `fetch-after-delete` fault can still serve them. */
  private readonly deleted = new Map<string, Message>()
  private nextIndex = 0
  /** Versions of the messages changed within the lag, oldest first; empty without a lag. */
  private readonly versions = new Map<string, Version[]>()

  constructor(
    private readonly lagMs = 0,
    private readonly clock: () => number = Date.now,
  ) {}

  get size(): number {
    return this.ordered.length
  }

  keyOf(message: Message): number {
    return message.index
  }

  /**
   * `counter` is the documented behaviour; `gaps` (a variant) skips up to two numbers; `by-count` (the
   * `index-by-count` fault) uses the live count, so an index can repeat after a delete.
   */
  append(sid: string, owner: { conversationSid: string; serviceSid: string }, fields: NewMessage, indexing: Indexing = 'counter'): Message {
    if (indexing === 'from-one' && this.nextIndex === 0) this.nextIndex = 1
    const index = indexing === 'by-count' ? this.ordered.length : indexing === 'clock' ? Math.max(fields.dateCreated, this.ordered.at(-1)?.index ?? 0) : this.nextIndex
    if (indexing !== 'by-count' && indexing !== 'clock') this.nextIndex += indexing === 'gaps' ? 1 + (this.nextIndex % 3) : 1
    const message: Message = { sid, ...owner, index, ...fields }
    this.ordered.push(message) // the new index is the largest, so the array stays sorted
    this.bySid.set(sid, message)
    this.record(sid, message)
    return message
  }

  /**
   * Call after changing a message in place, with a copy taken before the change, so that a lagged view
   * can still show the old state (it is all the log has when the message's history had settled).
   */
  edited(message: Message, before: Message): void {
    this.record(message.sid, message, before)
  }

  get(sid: string): Message | undefined {
    return this.bySid.get(sid)
  }

  getDeleted(sid: string): Message | undefined {
    return this.deleted.get(sid)
  }

  /** The live message listed just before this one (the next smaller index), if any: the `delete-removes-neighbour` fault. */
  before(message: Message): Message | undefined {
    const at = this.lowerBound(message.index)
    return at > 0 ? this.ordered[at - 1] : undefined
  }

  /** `keepListed` is the `delete-still-listed` fault: the message is gone by SID but stays in the list. */
  remove(sid: string, keepListed = false): Message | undefined {
    const message = this.bySid.get(sid)
    if (message === undefined) return undefined
    this.bySid.delete(sid)
    if (!keepListed) this.ordered.splice(this.lowerBound(message.index), 1)
    this.deleted.set(sid, message)
    this.record(sid, null, message)
    return message
  }

  /**
   * The list as a reader `lagMs` behind sees it, sorted by index: messages created within the lag are
   * missing, edits within it not yet shown, and messages deleted within it still there. Without a lag
   * this is the log itself.
   */
  lagged(): SortedItems<Message> {
    if (this.lagMs <= 0) return this
    const horizon = this.settle()
    const shown: Message[] = []
    const seen = new Set<string>()
    const add = (sid: string, live: Message | undefined) => {
      if (seen.has(sid)) return
      seen.add(sid)
      const history = this.versions.get(sid)
      const state = history === undefined ? live : stateAt(history, horizon)
      if (state) shown.push(state)
    }
    for (const m of this.ordered) add(m.sid, m)
    for (const sid of this.versions.keys()) add(sid, undefined) // deleted within the lag: not in `ordered` any more
    shown.sort((a, b) => a.index - b.index)
    return new SortedArray(shown, (m) => m.index)
  }

  /** A message deleted less than `lagMs` ago, which a lagging replica may still serve to a fetch. */
  recentlyDeleted(sid: string): Message | undefined {
    if (this.lagMs <= 0 || this.bySid.has(sid)) return undefined
    this.settle()
    return this.versions.has(sid) ? this.deleted.get(sid) : undefined
  }

  /** `previous`: the state before this change, which a settled message has no version of any more. */
  private record(sid: string, state: Message | null, previous?: Message): void {
    if (this.lagMs <= 0) return
    this.settle()
    // Copies, because the update handler changes the live message in place.
    const history = this.versions.get(sid) ?? (previous === undefined ? [] : [{ since: -Infinity, state: { ...previous } }])
    history.push({ since: this.clock(), state: state === null ? null : { ...state } })
    this.versions.set(sid, history)
  }

  /**
   * Drops what no lagged view can show any more: whole histories whose last change is older than the
   * lag, and the versions superseded before the horizon. Returns the horizon (now − lag).
   */
  private settle(): number {
    const horizon = this.clock() - this.lagMs
    for (const [sid, history] of this.versions) {
      if (history[history.length - 1]!.since <= horizon) this.versions.delete(sid)
      else while (history.length > 1 && history[1]!.since <= horizon) history.shift()
    }
    return horizon
  }

  /** The message at a sorted position (0 = smallest index). */
  at(position: number): Message | undefined {
    return this.ordered[position]
  }

  /** Position of the first message whose index is >= `index` (== size when there is none). */
  lowerBound(index: number): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.ordered[mid]!.index < index) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** The last state a history had at `time`: undefined before the message existed, null after its deletion. */
function stateAt(history: readonly Version[], time: number): Message | null | undefined {
  let state: Message | null | undefined
  for (const v of history) {
    if (v.since > time) break
    state = v.state
  }
  return state
}

export interface Conversation extends Created {
  sid: string
  serviceSid: string
  friendlyName: string | null
  uniqueName: string | null
  attributes: string
  dateCreated: number
  dateUpdated: number
  participants: Map<string, Participant>
  messages: MessageLog
}

export type SidFactory = (prefix: SidPrefix) => string

export interface StoreOptions {
  /** The `list-lag` condition: how far (ms) message lists lag behind the writes. 0 = not at all. */
  listLagMs?: number
  /** The time every date is stamped with, in epoch seconds (a reproducible server counts instead of reading the clock). */
  clock?: () => number
}

// Maps iterate in insertion order, which is creation order: every list below comes out sorted by it.
export class Store {
  readonly defaultServiceSid: string
  private readonly services = new Map<string, Service>()
  private readonly conversations = new Map<string, Conversation>()
  private readonly users = new Map<string, User>()
  private readonly media = new Map<string, Media>()
  private readonly templates = new Map<string, ContentTemplate>()
  private created = 0

  constructor(
    private readonly newSid: SidFactory,
    private readonly options: StoreOptions = {},
  ) {
    // Every account has a default Conversation Service; the short /v1/Conversations routes use it.
    this.defaultServiceSid = this.createService('Default Conversations Service').sid
  }

  /** Now, as the dates of new and edited resources say it (epoch seconds). */
  now(): number {
    return this.options.clock?.() ?? nowSeconds()
  }

  private nextCreationOrder(): number {
    return this.created++
  }

  createService(friendlyName: string): Service {
    const now = this.now()
    const service: Service = { sid: this.newSid('IS'), friendlyName, dateCreated: now, dateUpdated: now, creationOrder: this.nextCreationOrder() }
    this.services.set(service.sid, service)
    return service
  }

  getService(sid: string): Service | undefined {
    return this.services.get(sid)
  }

  listServices(): SortedItems<Service> {
    return new SortedArray([...this.services.values()], byCreationOrder)
  }

  /** Removes the service and everything in it: its conversations (with their messages) and its users. */
  deleteService(sid: string): boolean {
    if (!this.services.delete(sid)) return false
    for (const [convSid, conv] of this.conversations) if (conv.serviceSid === sid) this.conversations.delete(convSid)
    for (const [userSid, user] of this.users) if (user.serviceSid === sid) this.users.delete(userSid)
    return true
  }

  createConversation(serviceSid: string, fields: { friendlyName: string | null; uniqueName: string | null; attributes: string }): Conversation {
    const now = this.now()
    const conversation: Conversation = {
      sid: this.newSid('CH'),
      serviceSid,
      ...fields,
      dateCreated: now,
      dateUpdated: now,
      creationOrder: this.nextCreationOrder(),
      participants: new Map(),
      messages: new MessageLog(this.options.listLagMs ?? 0),
    }
    this.conversations.set(conversation.sid, conversation)
    return conversation
  }

  /**
   * Look a conversation up by SID or, as the Conversation resource allows, by its unique_name.
   * With `serviceSid` the match must belong to that service; unique names are unique per service,
   * so a unique_name lookup without one searches the default service.
   */
  findConversation(sidOrUniqueName: string, serviceSid?: string): Conversation | undefined {
    const bySid = this.conversations.get(sidOrUniqueName)
    if (bySid !== undefined) return serviceSid === undefined || bySid.serviceSid === serviceSid ? bySid : undefined
    return this.findByUniqueName(serviceSid ?? this.defaultServiceSid, sidOrUniqueName)
  }

  findByUniqueName(serviceSid: string, uniqueName: string): Conversation | undefined {
    for (const conv of this.conversations.values()) if (conv.serviceSid === serviceSid && conv.uniqueName === uniqueName) return conv
    return undefined
  }

  /** The service's conversations in creation order. */
  listConversations(serviceSid: string): Conversation[] {
    return [...this.conversations.values()].filter((c) => c.serviceSid === serviceSid)
  }

  deleteConversation(sid: string): boolean {
    return this.conversations.delete(sid) // its participants and messages go with it; its users stay
  }

  addParticipant(conversation: Conversation, fields: { identity: string; attributes: string }): Participant {
    const now = this.now()
    const participant: Participant = {
      sid: this.newSid('MB'),
      conversationSid: conversation.sid,
      serviceSid: conversation.serviceSid,
      ...fields,
      dateCreated: now,
      dateUpdated: now,
      creationOrder: this.nextCreationOrder(),
    }
    conversation.participants.set(participant.sid, participant)
    return participant
  }

  listParticipants(conversation: Conversation): SortedItems<Participant> {
    return new SortedArray([...conversation.participants.values()], byCreationOrder)
  }

  participantByIdentity(conversation: Conversation, identity: string): Participant | undefined {
    for (const p of conversation.participants.values()) if (p.identity === identity) return p
    return undefined
  }

  addMessage(conversation: Conversation, fields: NewMessage, indexing: Indexing = 'counter'): Message {
    return conversation.messages.append(this.newSid('IM'), { conversationSid: conversation.sid, serviceSid: conversation.serviceSid }, fields, indexing)
  }

  createUser(serviceSid: string, fields: { identity: string; friendlyName: string | null; attributes: string; roleSid: string | null }): User {
    const now = this.now()
    const user: User = { sid: this.newSid('US'), serviceSid, ...fields, dateCreated: now, dateUpdated: now, creationOrder: this.nextCreationOrder() }
    this.users.set(user.sid, user)
    return user
  }

  /** A user of the service by its SID or, as the User resource allows, by its identity (case-sensitive). */
  findUser(serviceSid: string, sidOrIdentity: string): User | undefined {
    const bySid = this.users.get(sidOrIdentity)
    if (bySid !== undefined && bySid.serviceSid === serviceSid) return bySid
    return this.userByIdentity(serviceSid, sidOrIdentity)
  }

  userByIdentity(serviceSid: string, identity: string): User | undefined {
    for (const user of this.users.values()) if (user.serviceSid === serviceSid && user.identity === identity) return user
    return undefined
  }

  listUsers(serviceSid: string): SortedItems<User> {
    return new SortedArray([...this.users.values()].filter((u) => u.serviceSid === serviceSid), byCreationOrder)
  }

  deleteUser(sid: string): boolean {
    return this.users.delete(sid)
  }

  /** Every conversation (the `list-other-conversations` fault needs them). */
  addMedia(fields: Omit<Media, 'sid' | 'creationOrder' | 'dateCreated'>): Media {
    const media: Media = { sid: this.newSid('ME'), ...fields, dateCreated: this.now(), creationOrder: this.nextCreationOrder() }
    this.media.set(media.sid, media)
    return media
  }

  getMedia(sid: string): Media | undefined {
    return this.media.get(sid)
  }

  deleteMedia(sid: string): boolean {
    return this.media.delete(sid)
  }

  addTemplate(fields: Omit<ContentTemplate, 'sid' | 'creationOrder' | 'dateCreated'>): ContentTemplate {
    const template: ContentTemplate = { sid: this.newSid('HX'), ...fields, dateCreated: this.now(), creationOrder: this.nextCreationOrder() }
    this.templates.set(template.sid, template)
    return template
  }

  getTemplate(sid: string): ContentTemplate | undefined {
    return this.templates.get(sid)
  }

  deleteTemplate(sid: string): boolean {
    return this.templates.delete(sid)
  }

  allConversations(): IterableIterator<Conversation> {
    return this.conversations.values()
  }
}
