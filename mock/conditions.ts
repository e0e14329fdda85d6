// Production conditions: how the real service behaves under load, replication and account set-up.
// Unlike faults these are all conformant, and unlike variants they are not choices the doc leaves
// open but facts of life a client meets in production (slow answers, stale lists, 503s, 429 bursts,
// a larger chat Body limit, Users created behind its back, API keys). A suite that fails a server
// showing any of them cries wolf. They compose: any set of them, with any variants, may be on.
// To add a condition: one row here (and one in PARAMETERS if it takes a value), one
// `conditions.on('name')` at the spot it affects, one probe in test/mock-conditions.test.ts.
import { resolveSwitches, type Switches } from './switches.ts'

const TABLE = {
  latency: 'Every response is delayed by MS milliseconds (default 20), scaled by a seeded random factor from 0.5 to 1.5.',
  'list-lag':
    'Message lists show the conversation as it was MS milliseconds ago (default 1000): newer messages are missing, newer edits not shown, newer deletes still listed; a fetch sees every write except that a message deleted less than MS ago may still be fetched.',
  'transient-503': 'About one request in N (default 8, seeded) is answered 503 with Twilio code 20503 without being processed.',
  'rate-limit-burst': 'Every 150th request starts a burst: for MS milliseconds (default 1000) every request is answered 429 with code 20429 and Retry-After: 1, unprocessed.',
  'rate-limit-burst-no-retry-after': 'Like rate-limit-burst but without a Retry-After header; its bursts start at the 75th, 225th, ... request so both can be on at once.',
  'rate-limit-steady': 'About one request in N (default 8, seeded) is answered 429 with code 20429 and Retry-After: 1, unprocessed: a steady limit, not a burst.',
  'chat-body-limit': "The Body limit is the chat limit of the Conversations limits page (32KB): up to 32,768 UTF-16 code units are accepted, more give 400 with code 50504.",
  'attributes-limit': 'Message Attributes are limited as the Conversations limits page says (4KB): more than 4,096 UTF-8 bytes give 400 with code 50303, on create and on update.',
  'auto-users': 'Adding a participant with an Identity also creates a User for it in the service if none exists; deleting the participant or conversation keeps the User.',
  'api-keys': 'An API key (SK... as the Basic user name, its secret as the password) is accepted besides the Account SID and auth token.',
  'restricted-key': 'Implies api-keys; requests made with the API key get 403 with code 20403 on GET /v1/Configuration (everything else works with it).',
} as const satisfies Record<string, string>

export type ConditionName = keyof typeof TABLE

/** Condition name → the production behaviour it shows, in one sentence. */
export const CONDITIONS: Record<string, string> = TABLE

interface Parameter {
  /** How `--list-faults` names the value: `latency[=MS]`. */
  unit: 'MS' | 'N'
  default: number
  min: number
}

const PARAMETERS = {
  latency: { unit: 'MS', default: 20, min: 0 },
  'list-lag': { unit: 'MS', default: 1000, min: 0 },
  // N = 1 would refuse every request, so nothing could ever succeed.
  'transient-503': { unit: 'N', default: 8, min: 2 },
  'rate-limit-burst': { unit: 'MS', default: 1000, min: 0 },
  'rate-limit-burst-no-retry-after': { unit: 'MS', default: 1000, min: 0 },
  // N = 1 would refuse every request, as for transient-503.
  'rate-limit-steady': { unit: 'N', default: 8, min: 2 },
} as const satisfies Partial<Record<ConditionName, Parameter>>

export type ValuedCondition = keyof typeof PARAMETERS

/** The conditions that take a value, with its unit and default, for usage text. */
export const CONDITION_PARAMETERS: Readonly<Record<string, Parameter>> = PARAMETERS

export interface Conditions extends Switches<ConditionName> {
  /** The value of a condition that takes one: as given with `name=value`, else its default. */
  amount(name: ValuedCondition): number
}

const takesValue = (name: ConditionName): name is ValuedCondition => Object.hasOwn(PARAMETERS, name)

/** Throws an Error naming the valid conditions for an unknown name, or the rule for a bad value. */
export function resolveConditions(names?: readonly string[]): Conditions {
  const switches = resolveSwitches<ConditionName>('condition', TABLE, names, takesValue)
  const amounts = new Map<ValuedCondition, number>()
  for (const name of Object.keys(PARAMETERS) as ValuedCondition[]) {
    const text = switches.value(name)
    if (text === undefined) continue
    const { min } = PARAMETERS[name]
    const value = /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN
    if (!(value >= min)) throw new Error(`The condition ${JSON.stringify(name)} takes an integer of ${min} or more (given ${JSON.stringify(`${name}=${text}`)})`)
    amounts.set(name, value)
  }
  // A restricted key is still a key: restricted-key without api-keys would leave it nothing to restrict.
  const on = (name: ConditionName) => switches.on(name) || (name === 'api-keys' && switches.on('restricted-key'))
  return {
    on,
    value: switches.value,
    enabled: switches.enabled,
    amount: (name) => amounts.get(name) ?? PARAMETERS[name].default,
  }
}
