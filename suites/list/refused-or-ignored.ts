// The list parameters whose invalid values the doc gives no reaction for (Order, PageSize, Page): a server may refuse
// them as invalid input or ignore them. Refusing means a validation error (a 4xx other than 401, 403, 404, 405, 429,
// with a Twilio error body); ignoring means a page as if the parameter were not there. A 5xx is neither.
import type { Scope } from '../../src/client/api.ts'
import type { Exchange } from '../../src/client/exchange.ts'
import type { MessagePage } from '../../src/client/resources.ts'
import { expectPage, expectRejected, expectThat } from '../../src/harness/verify.ts'

export type Reaction = { refused: true; status: number; code: number } | { refused: false; page: MessagePage }

/** Judges the answer to a list with one invalid parameter: a validation error, or a page for the check to judge as "ignored". */
export function refusedOrPage(ex: Exchange, what: string, scope: Scope): Reaction {
  const status = ex.response.status
  expectThat(status < 500, `${what} should be refused as invalid input (a 4xx Twilio error) or ignored, never a server error; got ${status}`, ex)
  if (status >= 400) {
    const error = expectRejected(ex, what)
    return { refused: true, status, code: error.code }
  }
  return { refused: false, page: expectPage(ex, scope) }
}
