import fc from 'fast-check'
import type { MessagesApi } from '../client/api.ts'
import { expectAccepted, expectMessage, expectPage, expectSameJson, expectStatus, expectThat, expectTwilioError } from './verify.ts'
import type { Scope } from '../client/api.ts'
import type { CheckContext } from './check.ts'
import { fetchAfterDelete, fetchShowingBody, showsWrites } from './reads.ts'

/**
 * A model of one conversation for the stateful check: the live messages in order of receipt, and the ones
 * deleted. Commands act on the real conversation and on the model, and compare after every step.
 */
export interface ConversationModel {
  live: Array<{ sid: string; body: string }>
  deleted: string[]
}

export interface RealConversation {
  messages: MessagesApi
  scope: Scope
  /** Reads that verify the commands before them wait for the target to show them (src/harness/settle.ts). */
  settle: CheckContext['settle']
}

type Command = fc.AsyncCommand<ConversationModel, RealConversation>

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!

class Create implements Command {
  constructor(readonly body: string) {}
  check = () => true
  async run(m: ConversationModel, r: RealConversation) {
    const res = await r.messages.create({ Body: this.body })
    expectAccepted(res)
    const msg = expectMessage(res, r.scope)
    expectThat(msg.body === this.body, `create returned body ${JSON.stringify(msg.body)}`, res)
    m.live.push({ sid: msg.sid, body: this.body })
  }
  toString = () => `create(${JSON.stringify(this.body)})`
}

class Fetch implements Command {
  constructor(readonly n: number) {}
  check = (m: Readonly<ConversationModel>) => m.live.length > 0
  async run(m: ConversationModel, r: RealConversation) {
    const want = pick(m.live, this.n)
    const res = await fetchShowingBody(r, r.messages, want.sid, want.body)
    expectStatus(res, 200)
    expectThat(expectMessage(res, r.scope).body === want.body, `fetch shows a body other than the model's ${JSON.stringify(want.body)}`, res)
  }
  toString = () => `fetch(#${this.n})`
}

class FetchDeleted implements Command {
  constructor(readonly n: number) {}
  check = (m: Readonly<ConversationModel>) => m.deleted.length > 0
  async run(m: ConversationModel, r: RealConversation) {
    expectTwilioError(await fetchAfterDelete(r, r.messages, pick(m.deleted, this.n)), { status: 404 })
  }
  toString = () => `fetchDeleted(#${this.n})`
}

class Update implements Command {
  constructor(
    readonly n: number,
    readonly body: string,
  ) {}
  check = (m: Readonly<ConversationModel>) => m.live.length > 0
  async run(m: ConversationModel, r: RealConversation) {
    const target = pick(m.live, this.n)
    const res = await r.messages.update(target.sid, { Body: this.body })
    expectStatus(res, 200)
    expectThat(expectMessage(res, r.scope).body === this.body, 'update returned another body than was sent', res)
    target.body = this.body
  }
  toString = () => `update(#${this.n}, ${JSON.stringify(this.body)})`
}

class Delete implements Command {
  constructor(readonly n: number) {}
  check = (m: Readonly<ConversationModel>) => m.live.length > 0
  async run(m: ConversationModel, r: RealConversation) {
    const target = pick(m.live, this.n)
    expectAccepted(await r.messages.remove(target.sid))
    m.live = m.live.filter((x) => x !== target)
    m.deleted.push(target.sid)
  }
  toString = () => `delete(#${this.n})`
}

class List implements Command {
  constructor(
    readonly pageSize: number,
    readonly desc: boolean,
  ) {}
  check = () => true
  async run(m: ConversationModel, r: RealConversation) {
    // Settled until the list holds exactly the model's messages with their bodies; the order is then judged.
    const bodies = Object.fromEntries(m.live.map((x) => [x.sid, x.body]))
    const all = await r.settle(
      () => r.messages.listAll({ PageSize: this.pageSize, ...(this.desc ? { Order: 'desc' } : {}) }, 50),
      (all) => all.stoppedBecause === undefined && all.messages.length === m.live.length && showsWrites(all.messages, { present: m.live.map((x) => x.sid), absent: m.deleted, bodies }),
    )
    const last = all.pages[all.pages.length - 1]!
    expectThat(all.stoppedBecause === undefined, `paging stopped: ${all.stoppedBecause}`, last)
    all.pages.forEach((p) => expectPage(p, r.scope))
    const want = this.desc ? [...m.live].reverse() : m.live
    const got = (all.messages as Array<{ sid: string; body: string | null }>).map((x) => ({ sid: x.sid, body: x.body }))
    expectSameJson(got, want.map((x) => ({ sid: x.sid, body: x.body })), `the list (PageSize=${this.pageSize}${this.desc ? ', desc' : ''}) disagrees with the model`, last)
  }
  toString = () => `list(${this.pageSize}${this.desc ? ', desc' : ''})`
}

/** Short bodies keep sequences readable when fast-check prints the shrunk one. */
const shortBody = fc.oneof(fc.constantFrom('a', 'b', 'hello', 'é日😀', '%+&='), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''))

export const conversationCommands = fc.commands(
  [
    shortBody.map((b) => new Create(b)),
    fc.nat().map((n) => new Fetch(n)),
    fc.nat().map((n) => new FetchDeleted(n)),
    fc.tuple(fc.nat(), shortBody).map(([n, b]) => new Update(n, b)),
    fc.nat().map((n) => new Delete(n)),
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([size, desc]) => new List(size, desc)),
  ],
  { maxCommands: 12 },
)
