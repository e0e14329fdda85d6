/**
 * Facts the spec states in words rather than in schema keywords: "can be up to 1,600 characters long", "structurally
 * valid JSON", "Defaults to `system`", "Null in case of `system` sent message", ... Each rule reads one phrase from a
 * description and keeps the sentence it stands in as the quote, so the constraint it yields cites the words it rests
 * on, and test/coverage.test.ts fails when the doc page no longer says them. A phrase that changes drops its
 * constraint, which the plausibility counts in the same test notice: nothing here is a hand-kept copy of a number.
 */
import type { OperationKind, Scope, Source } from './types.ts'

export interface ProseFact<T> {
  value: T
  /** The sentence of the description that states it, verbatim. */
  quote: string
}

/** What a parameter's (or form field's) description adds to its schema. */
export interface ParameterProse {
  /** "can be up to 1,600 characters long" */
  maxLength?: ProseFact<number>
  /** "structurally valid JSON" */
  json?: ProseFact<true>
  /** "Defaults to `system`", "with `asc` as the default", "The default is 50", 'if the attributes are not set "{}" will be returned' */
  default?: ProseFact<string>
  /** "This is provided by the API": a value the API did not issue is not one */
  issuedByApi?: ProseFact<true>
  /** "if this field is set, `Body` and `MediaSid` parameters are ignored" */
  ignores?: ProseFact<string[]>
  /** "The date that this resource was last updated": a field the server stamps on every edit */
  lastUpdated?: ProseFact<true>
}

/** What a response property's description adds to its schema: the relations it states. */
export interface PropertyProse {
  /** "Null in case of `system` sent message." */
  nullForSystem?: ProseFact<true>
  /** "The unique ID of messages's author participant." */
  fromAuthorParticipant?: ProseFact<true>
  /** "`null` if the message has not been edited." */
  nullUntilEdited?: ProseFact<true>
  /** "If the Message has no media, this value is `null`." */
  nullWithoutMedia?: ProseFact<true>
  /** "Indices may skip numbers, but will always be in order of when the message was received." */
  orderOfReceipt?: ProseFact<true>
  /** "An absolute API resource (API) URL for this message." */
  selfUrl?: ProseFact<true>
  /** "The unique ID of the Account responsible for this message." */
  responsibleAccount?: ProseFact<true>
  /** "The unique ID of the Conversation for this message." */
  conversationOfMessage?: ProseFact<true>
  /** "The SID of the Conversation Service the … resource is associated with." */
  serviceOfResource?: ProseFact<true>
}

/** The sentence of `text` around the match: from the previous sentence end to the next one. */
export function sentenceAround(text: string, match: RegExpExecArray): string {
  const before = text.slice(0, match.index)
  const starts = [...before.matchAll(/[.!?]\s+/g)]
  const start = starts.length > 0 ? starts.at(-1)!.index! + starts.at(-1)![0].length : 0
  const rest = text.slice(match.index + match[0].length)
  const end = /[.!?](\s|$)/.exec(rest)
  return text.slice(start, match.index + match[0].length + (end ? end.index + 1 : rest.length)).trim()
}

function fact<T>(text: string, pattern: RegExp, value: (m: RegExpExecArray) => T): ProseFact<T> | undefined {
  const m = pattern.exec(text)
  return m ? { value: value(m), quote: sentenceAround(text, m) } : undefined
}

const number = (digits: string): number => Number(digits.replace(/,/g, ''))

export function readParameterProse(description: string): ParameterProse {
  const prose: ParameterProse = {}
  const maxLength = fact(description, /can be up to ([\d,]+) characters long/, (m) => number(m[1]!))
  const json = fact(description, /structurally valid JSON/, () => true as const)
  const dflt =
    fact(description, /Defaults to `([^`]+)`/, (m) => m[1]!) ??
    fact(description, /with `([^`]+)` as the default/, (m) => m[1]!) ??
    fact(description, /The default is ([\d,]+)/, (m) => String(number(m[1]!))) ??
    fact(description, /if the \w+ are not set "([^"]*)" will be returned/, (m) => m[1]!)
  const issued = fact(description, /provided by the API/, () => true as const)
  const ignores = fact(description, /if this field is set, `(\w+)` and `(\w+)` parameters are ignored/, (m) => [m[1]!, m[2]!])
  if (maxLength) prose.maxLength = maxLength
  if (json) prose.json = json
  if (dflt) prose.default = dflt
  if (issued) prose.issuedByApi = issued
  const lastUpdated = fact(description, /this resource was last updated/, () => true as const)
  if (ignores) prose.ignores = ignores
  if (lastUpdated) prose.lastUpdated = lastUpdated
  return prose
}

export function readPropertyProse(description: string): PropertyProse {
  const prose: PropertyProse = {}
  const rules: Array<[keyof PropertyProse, RegExp]> = [
    ['nullForSystem', /Null in case of `system` sent message/],
    ['fromAuthorParticipant', /author participant/],
    ['nullUntilEdited', /`null` if the message has not been edited/],
    ['nullWithoutMedia', /If the Message has no media, this value is `null`/],
    ['orderOfReceipt', /always be in order of when the message was received/],
    ['selfUrl', /An absolute API resource (API )?URL for this message/],
    ['responsibleAccount', /\[Account\]\([^)]*\) responsible for this message/],
    ['conversationOfMessage', /\[Conversation\]\([^)]*\) for this message/],
    ['serviceOfResource', /\[Conversation Service\]\([^)]*\) the \w+ resource is associated with/],
  ]
  for (const [key, pattern] of rules) {
    const f = fact(description, pattern, () => true as const)
    if (f) prose[key] = f
  }
  return prose
}

/**
 * The doc page prints the default-scope operations (their parameters, request bodies and the Message properties)
 * under these headings; the service scope's words are only in the OpenAPI file.
 */
export const DOC_SECTIONS: Record<OperationKind | 'properties' | 'scopes', string> = {
  create: 'Create a ConversationMessage resource',
  fetch: 'Fetch a ConversationMessage resource',
  list: 'List all Conversation Message(s)',
  update: 'Update a ConversationMessage resource',
  delete: 'Delete a ConversationMessage resource',
  properties: 'Message Properties',
  scopes: 'Using the shortened base URL',
}

/** The source of a fact read from a description: the doc page's words for the default scope, the OpenAPI's for the service scope. */
export function proseSource(scope: Scope, section: string, pointer: string, quote: string): Source {
  return scope === 'default' ? { kind: 'doc', section, quote, pointer } : { kind: 'openapi', pointer, quote }
}
