// What the empty-values checks (msg.create.empty-values, msg.update.empty-values) share: one probe per parameter given
// empty, and what the message must show if the server reads the empty value as not given.
import type { MessageParams } from '../../src/client/api.ts'
import type { MessageResource } from '../../src/client/resources.ts'

/** Judges a message: undefined if it is as expected, else what is wrong with it. */
export type Expectation = (message: MessageResource) => string | undefined

/** One write with an empty value (in `params` or `headers`), and what a write that read it as not given must show. */
export interface Probe {
  what: string
  params: MessageParams
  headers?: Record<string, string>
  /** What a write that read the empty value as not given must show, beyond the Body it sent. */
  asOmitted: Expectation
}

/** All of these expectations: the first thing wrong, if any. */
export const every = (...checks: Expectation[]): Expectation => (m) => checks.map((c) => c(m)).find((w) => w !== undefined)
