import type { Exchange } from '../client/exchange.ts'

/** A check saw the server break its requirement. Carries the exchange that showed it. */
export class CheckFailure extends Error {
  override name = 'CheckFailure'
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message)
  }
}

/**
 * The check could not get to the point of judging (could not create the conversation it needs, the target
 * vanished). Reported apart from conformance failures: it says nothing about the requirement.
 */
export class SetupFailure extends Error {
  override name = 'SetupFailure'
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message)
  }
}
