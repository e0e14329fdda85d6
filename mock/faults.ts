// Deliberate deviations from the documented behaviour. Each one lets the conformance suite prove
// that it notices the breakage (a suite that passes a broken server is as useless as one that fails
// a correct one). To add a fault: one row here, one `faults.on('name')` at the spot it affects.
import { resolveSwitches, type Switches } from './switches.ts'

const TABLE = {
  'create-200': 'Message create answers 200 instead of the documented 201 Created.',
  'delete-200-body': 'Message delete answers 200 with the message as the body instead of 204 No Content.',
  'body-limit-ignored': 'A message Body over 1,600 characters is accepted instead of rejected with 400.',
  'attributes-null': 'A message created without Attributes has attributes null instead of the documented "{}".',
  'author-default-empty': 'A message created without Author has author "" instead of the documented default "system".',
  'order-desc-ignored': 'List with Order=desc returns messages in ascending index order.',
  'fetch-after-delete': 'A deleted message can still be fetched with 200 instead of 404.',
  'auth-ignored': 'Requests with missing or wrong credentials are served instead of answered 401.',
  'update-noop': 'Message update answers 200 but changes nothing.',
  'no-service-scope': 'The service-scoped message routes (/v1/Services/{IS}/Conversations/{CH}/Messages…) answer 404.',
} as const satisfies Record<string, string>

export type FaultName = keyof typeof TABLE

/** Fault name → the documented behaviour it breaks, in one sentence. */
export const FAULTS: Record<string, string> = TABLE

export type Faults = Switches<FaultName>

export function resolveFaults(names?: readonly string[]): Faults {
  return resolveSwitches<FaultName>('fault', TABLE, names)
}
