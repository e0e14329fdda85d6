/** `must`: stated by the doc or spec, fails a run. `should`: observed Twilio behaviour, reported. `may`: informational. */
export type Level = 'must' | 'should' | 'may'
export const LEVELS: readonly Level[] = ['must', 'should', 'may']

/** Where a requirement comes from: the doc page, Twilio's OpenAPI file, or observed behaviour of the live API. */
export type Source = 'docs' | 'openapi' | 'observed'

/**
 * What a requirement rests on. A `must` rests on Twilio's words: the Message page's own (quoted, so a test can find
 * them on the page), or another official Twilio page (an error page, the limits page, the Attributes page, the
 * OpenAPI file at a pinned commit), cited by URL with the words it rests on. An `inference` (a reading nobody at Twilio
 * wrote down) is at most a `should`: the catalogue lint refuses a `must` that rests on one.
 */
export type Basis =
  | { kind: 'message-page'; quote: string }
  | { kind: 'twilio-page'; url: string; quote: string }
  | { kind: 'inference'; reasoning: string }

export interface Qualification {
  ref: string
  /** The words of that page the other reading rests on. */
  quote: string
  /** What the check then accepts. */
  allows: string
}

export interface Requirement {
  /** `msg.<area>.<behaviour>`: names a behaviour, never a position. */
  id: string
  /** One line stating the fact a conformant server shows. */
  summary: string
  level: Level
  source: Source
  /** Link to the doc anchor or spec location the requirement comes from. */
  ref: string
  /**
   * Other official Twilio pages that qualify the one the requirement comes from (a limit, an error code): the check
   * accepts every reading and records which one it saw; the catalogue cites each page with the words it rests on.
   */
  qualifiedBy?: readonly Qualification[]
  /** What it rests on (src/catalogue/basis.ts); the lint refuses a requirement without one, and a `must` on an inference. */
  basis?: Basis
  /** The URL scopes its check runs in (default: both). Only the service-scoped routes name a service. */
  scopes?: readonly ('default' | 'service')[]
}

/** The area of a requirement: the second segment of its ID (`create`, `list`, `representation`, ...). */
export function areaOf(id: string): string {
  return id.split('.')[1] ?? 'other'
}
