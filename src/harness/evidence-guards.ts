/**
 * A pass must be evidence that could have failed (DESIGN.md, "A verdict you can defend"). These guards end a check as
 * "not judged", with the reason, when what it is about to compare cannot tell the behaviour from its absence: a
 * target that echoes the doc's examples (Prism on Twilio's OpenAPI file) gives every message the SID IMaaaa…, every
 * conversation CHaaaa… and every list the example page, and would otherwise pass every claim those happen to satisfy.
 */
import type { MessageResource } from '../client/resources.ts'
import type { CheckContext } from './check.ts'
import { findListed } from './reads.ts'

type Refusing = Pick<CheckContext, 'notJudged'>

/**
 * A SID of the doc's examples: its two-letter prefix and 32 times "a" (ACaaaa…, CHaaaa…, ISaaaa…, IMaaaa…; the
 * OpenAPI file's examples use no other placeholder). A real SID is random: the chance that one is this is 1 in 2^128.
 * (The redacted account of a recording, AC000…, is not one: a replay judges what was recorded.)
 */
export function isPlaceholderSid(sid: unknown): boolean {
  return typeof sid === 'string' && /^[A-Z]{2}(a{32}|A{32})$/.test(sid)
}

/** Not judged when `sid` (what the target said it made, or the account named) is a placeholder of the doc's examples. */
export function requireReal(ctx: Refusing, sid: unknown, what: string): void {
  if (isPlaceholderSid(sid)) ctx.notJudged(`${what} is ${String(sid).slice(0, 6)}…, the doc examples' placeholder, so an echo of the examples cannot be told from the right answer`)
}

/**
 * The check's conversation, and in the service scope its service, must be ones the target really made: a SID that
 * matches them proves nothing when both are the examples' placeholders.
 */
export function requireRealConversation(ctx: Refusing & Pick<CheckContext, 'conversation' | 'scope'>): void {
  requireReal(ctx, ctx.conversation.sid, 'the conversation the target made for this check')
  if (ctx.scope === 'service') requireReal(ctx, ctx.conversation.serviceSid, 'the chat service of that conversation')
}

/**
 * Messages a check seeded to compare (an order, a page) must be told apart: distinct SIDs that are not placeholders,
 * and distinct bodies. Otherwise any order of them, or the doc's example page, would match.
 */
export function requireDistinctMessages(ctx: Refusing, seeded: readonly MessageResource[]): void {
  for (const m of seeded) requireReal(ctx, m.sid, 'the SID of a message the target created')
  const sids = new Set(seeded.map((m) => m.sid))
  if (sids.size < seeded.length) ctx.notJudged(`the target gave the ${seeded.length} messages this check created only ${sids.size} distinct SID(s), so their order or paging cannot be seen`)
  const bodies = new Set(seeded.map((m) => m.body))
  if (bodies.size < seeded.length) ctx.notJudged(`the target answered the ${seeded.length} messages this check created, each with its own Body, with ${bodies.size} distinct bodies, so they cannot be told apart`)
}

/**
 * A page is this check's evidence only if it lists messages the check seeded, under their SID and with their body
 * (`count` of them: all by default, fewer for a page smaller than what was seeded): else it may be any page (the doc's
 * example page answers every list), and what it shows proves nothing about this conversation's list.
 */
export function requirePageShows(ctx: Refusing, items: readonly unknown[], seeded: readonly MessageResource[], count = seeded.length): void {
  requireDistinctMessages(ctx, seeded)
  const shown = seeded.filter((m) => findListed(items, m.sid)?.body === m.body).length
  if (shown < count) {
    ctx.notJudged(`the page lists ${shown} of the messages this check created (by SID and body), not ${count}, so it may not be this conversation's list`)
  }
}

/** No empty passes: a check none of whose inputs could be judged says so instead of passing. */
export function requireJudged(ctx: Refusing, judged: number, why: string): void {
  if (judged === 0) ctx.notJudged(why)
}
