/**
 * The library: what other projects import from `twilio-conversations-message-conformance`.
 *
 * - `startReferenceServer()`: the suite's stateful reference server, to point a client (the official twilio SDK) at
 *   in your own tests;
 * - `validateMessage()`, `validatePage()`, `validateError()`: judge a body your mock returns, by requirement ID,
 *   with the same rules as `conformance validate`;
 * - `requirements`: the catalogue, as data.
 *
 * Matchers for vitest: `import 'twilio-conversations-message-conformance/vitest'`. The JSON Schemas:
 * `twilio-conversations-message-conformance/schemas/message.json` and the others, each with a stable `$id`.
 */
import { REQUIREMENTS } from '../catalogue/requirements.ts'
import type { Level, Requirement } from '../catalogue/types.ts'
import { judgeBody } from '../validate/judge.ts'

export { startReferenceServer } from '../../mock/server.ts'
export type { ReferenceServer, ReferenceServerOptions } from '../../mock/server.ts'
export { FAULTS } from '../../mock/faults.ts'
export { VARIANTS } from '../../mock/variants.ts'
export { CONDITIONS } from '../../mock/conditions.ts'
export type { Level, Requirement } from '../catalogue/types.ts'

/** Every requirement the suite judges: ID, level, source, the doc anchor, the fact in one line. */
export const requirements: readonly Requirement[] = REQUIREMENTS

export interface ValidationFinding {
  /** JSON pointer into the body, '' for the body as a whole. */
  pointer: string
  /** What was checked, short: `pattern`, `sid-pattern`, `json-string`, `required`, … */
  rule: string
  /** The requirement the finding is about, e.g. `msg.representation.sids`. */
  requirement: string
  level: Level
  message: string
  /** The doc anchor of the requirement. */
  ref: string
}

export interface ValidationResult {
  /** True when no `must` requirement has a finding (`should` findings are warnings). */
  valid: boolean
  findings: ValidationFinding[]
}

export type Scope = 'default' | 'service'

function result(body: unknown, kind: 'message' | 'page' | 'error', known: { scope?: Scope; status?: number }): ValidationResult {
  const judged = judgeBody(body, kind, known)
  return { valid: judged.verdict !== 'fail', findings: judged.findings.map(({ pointer, rule, requirement, level, message, ref }) => ({ pointer, rule, requirement, level, message, ref })) }
}

/**
 * Judges one message as create, fetch or update returns it (or one item of a list). `scope: 'service'` for a
 * message read through /v1/Services/IS…/Conversations/… (it must then carry chat_service_sid); by default the scope
 * is told from the body.
 */
export function validateMessage(body: unknown, options: { scope?: Scope } = {}): ValidationResult {
  return result(body, 'message', options)
}

/** Judges one page of a list (meta and every message in it). */
export function validatePage(body: unknown, options: { scope?: Scope } = {}): ValidationResult {
  return result(body, 'page', options)
}

/** Judges a Twilio error body; with `status`, also that the body's status is that HTTP status. */
export function validateError(body: unknown, options: { status?: number } = {}): ValidationResult {
  return result(body, 'error', options)
}
