import { STATIC_VALIDATORS } from '../validate/rules.ts'
import { CheckFailure } from './failure.ts'
import type { MessageView } from './views.ts'

/**
 * Judges one message as a live response showed it, with the same rule `conformance validate` applies to a recorded
 * one (src/validate/rules.ts): what one response can show is written once, for both.
 */
export function expectMessageRule(requirement: string, { where, message, exchange }: MessageView): void {
  const rule = STATIC_VALIDATORS[requirement]?.message
  if (!rule) throw new Error(`src/validate/rules.ts has no message rule for ${requirement}`)
  const issues = rule({ message, at: '', view: { text: exchange.response.text, json: exchange.json } })
  if (issues.length > 0) throw new CheckFailure(`${where}: ${issues.map((i) => i.message).join('; ')}`, exchange)
}
