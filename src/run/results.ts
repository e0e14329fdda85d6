import type { Counterexample } from '../harness/check.ts'
import type { EvidenceExchange } from './evidence.ts'

/** A check's outcome. `error` is a setup failure: the check could not judge the requirement. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error'

export interface CheckResult {
  /** The test name: requirement ID and scope. */
  name: string
  requirement: string
  scope?: string
  status: CheckStatus
  message?: string
  evidence?: EvidenceExchange[]
  counterexample?: Counterexample
  observations: string[]
  requests: number
  durationMs: number
}
