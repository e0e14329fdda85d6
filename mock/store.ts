// The in-memory state: services, conversations, participants and messages. Pure data and
// invariants (index allocation, ordering, ownership); no HTTP and no validation of client input.
import type { SidPrefix } from './sids.ts'
import { nowSeconds } from './time.ts'

export interface Service {
  sid: string
  friendlyName: string
  dateCreated: number
  dateUpdated: number
}

export interface Participant {
  sid: string
  conversationSid: string
  serviceSid: string
  identity: string
  attributes: string
  dateCreated: number
  dateUpdated: number
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

export type Indexing = 'counter' | 'gaps' | 'by-count'

export type NewMessage = Omit<Message, 'sid' | 'conversationSid' | 'serviceSid' | 'index'>

/**
 * A conversation's messages, kept sorted by index so that paging is a binary search.
 * Indices come from a counter that only grows: the doc says indices "may skip numbers, but will
 * always be in order of when the message was received", so a deleted index is never reused.
 * Node runs each request handler to completion, so allocation is atomic even under concurrency.
 */
export class MessageLog {
  private readonly ordered: Message[] = []
  private readonly bySid = new Map<string, Message>()
  /** Deleted messages, kept so that the `fetch-after-delete` fault can still serve them. */
  private readonly deleted = new Map<string, Message>()
  private nextIndex = 0

  get size(): number {
    return this.ordered.length
  }

  /**
   * `counter` is the documented behaviour; `gaps` (a variant) skips up to two numbers; `by-count` (the
   * `index-by-count` fault) uses the live count, so an index can repeat after a delete.
   */
  append(sid: string, owner: { conversationSid: string; serviceSid: string }, fields: NewMessage, indexing: Indexing = 'counter'): Message {
    const index = indexing === 'by-count' ? this.ordered.length : this.nextIndex
    if (indexing !== 'by-count') this.nextIndex += indexing === 'gaps' ? 1 + (this.nextIndex % 3) : 1
    const message: Message = { sid, ...owner, index, ...fields }
    this.ordered.push(message) // the new index is the largest, so the array stays sorted
    this.bySid.set(sid, message)
    return message
  }

  get(sid: string): Message | undefined {
    return this.bySid.get(sid)
  }

  getDeleted(sid: string): Message | undefined {
    return this.deleted.get(sid)
  }

  /** `keepListed` is the `delete-still-listed` fault: the message is gone by SID but stays in the list. */
  remove(sid: string, keepListed = false): Message | undefined {
    const message = this.bySid.get(sid)
    if (message === undefined) return undefined
    this.bySid.delete(sid)
    if (!keepListed) this.ordered.splice(this.lowerBound(message.index), 1)
    this.deleted.set(sid, message)
    return message
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

export interface Conversation {
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

export class Store {
  readonly defaultServiceSid: string
  private readonly services = new Map<string, Service>()
  private readonly conversations = new Map<string, Conversation>()

  constructor(private readonly newSid: SidFactory) {
    // Every account has a default Conversation Service; the short /v1/Conversations routes use it.
    this.defaultServiceSid = this.createService('Default Conversations Service').sid
  }

  createService(friendlyName: string): Service {
    const now = nowSeconds()
    const service: Service = { sid: this.newSid('IS'), friendlyName, dateCreated: now, dateUpdated: now }
    this.services.set(service.sid, service)
    return service
  }

  getService(sid: string): Service | undefined {
    return this.services.get(sid)
  }

  /** Removes the service and everything in it. */
  deleteService(sid: string): boolean {
    if (!this.services.delete(sid)) return false
    for (const [convSid, conv] of this.conversations) if (conv.serviceSid === sid) this.conversations.delete(convSid)
    return true
  }

  createConversation(serviceSid: string, fields: { friendlyName: string | null; uniqueName: string | null; attributes: string }): Conversation {
    const now = nowSeconds()
    const conversation: Conversation = {
      sid: this.newSid('CH'),
      serviceSid,
      ...fields,
      dateCreated: now,
      dateUpdated: now,
      participants: new Map(),
      messages: new MessageLog(),
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

  deleteConversation(sid: string): boolean {
    return this.conversations.delete(sid) // its participants and messages go with it
  }

  addParticipant(conversation: Conversation, fields: { identity: string; attributes: string }): Participant {
    const now = nowSeconds()
    const participant: Participant = {
      sid: this.newSid('MB'),
      conversationSid: conversation.sid,
      serviceSid: conversation.serviceSid,
      ...fields,
      dateCreated: now,
      dateUpdated: now,
    }
    conversation.participants.set(participant.sid, participant)
    return participant
  }

  participantByIdentity(conversation: Conversation, identity: string): Participant | undefined {
    for (const p of conversation.participants.values()) if (p.identity === identity) return p
    return undefined
  }

  addMessage(conversation: Conversation, fields: NewMessage, indexing: Indexing = 'counter'): Message {
    return conversation.messages.append(this.newSid('IM'), { conversationSid: conversation.sid, serviceSid: conversation.serviceSid }, fields, indexing)
  }

  /** Every conversation (the `list-other-conversations` fault needs them). */
  allConversations(): IterableIterator<Conversation> {
    return this.conversations.values()
  }
}
