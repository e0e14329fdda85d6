/**
 * The credentials every operation requires. The spec names one scheme, HTTP Basic (`accountSid_authToken`); what its
 * two halves are (user name: the Account SID or an API key SID; password: the auth token or the key's secret) and
 * what a refusal looks like (401, Twilio error 20003) is Twilio's authentication page. Each half is judged on its own:
 * a server that checks only the user name, or only the password, must still be caught. IDs: `<operation>.security.*`.
 */
import { DOC } from '../catalogue/links.ts'
import type { SpecOperation } from './spec.ts'
import type { Polarity, RawConstraint, Source } from './types.ts'

const FACETS: ReadonlyArray<[facet: string, polarity: Polarity, rule: string]> = [
  ['credentials.valid', 'positive', 'HTTP Basic with the Account SID as user name and the auth token as password is accepted'],
  ['credentials.none', 'negative', 'a request without credentials is refused with 401 (Twilio error 20003) and does nothing'],
  ['username.wrong', 'negative', 'a wrong user name with the right password is refused with 401 (Twilio error 20003) and does nothing'],
  ['password.wrong', 'negative', 'the right user name with a wrong password is refused with 401 (Twilio error 20003) and does nothing'],
]

export function securityConstraints(op: SpecOperation): RawConstraint[] {
  return op.security.flatMap((s) => {
    if (s.type !== 'http' || s.httpScheme !== 'basic') throw new Error(`${s.pointer}: only HTTP Basic is modelled, the spec names ${s.type} ${s.httpScheme ?? ''}`)
    const sources: Source[] = [
      { kind: 'openapi', pointer: s.pointer },
      { kind: 'openapi', pointer: s.requiredAt },
      { kind: 'twilio-page', url: DOC.auth, about: 'the two halves of the Basic credentials, and the 401 / 20003 refusal' },
    ]
    return FACETS.map(([facet, polarity, rule]) => ({ id: `${op.kind}.security.${facet}`, kind: 'security' as const, polarity, rule, operationId: op.operationId, scope: op.scope, sources }))
  })
}
