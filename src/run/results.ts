import type { InFlightRecord } from '../client/in-flight-limit.ts'
import type { RetryEvent } from '../client/retry.ts'

/**
 * The vocabulary a run's layers share: a check's outcome as the harness records it, the reporters collect it and
 * the report, the recording manifest and the mutation gate read it.
 */
/** What a report shows of one exchange: enough to see the failure, never a secret, never a huge body. */
export interface EvidenceExchange {
  method: string
  path: string
  requestHeaders: Record<string, string>
  requestBody?: string
  status: number
  responseHeaders: Record<string, string>
  responseBody: string
  durationMs: number
}

export interface Counterexample {
  /** The shrunk failing input (or command sequence), printed by fast-check. */
  value: string
  /** The fast-check seed of the property (derived from the run seed and the check name). */
  seed: number
  /** fast-check's path to the shrunk case. */
  path?: string
  /** The command line that replays the failing run (with the run's seed: the property's own derives from it). */
  replay: string
  /** Environment variables the replay command reads the credentials from: names, never values. */
  env?: string[]
  /** How many inputs were tried before the failure. */
  runs: number
}


/** A check's outcome. `error` is a setup failure: the check could not judge the requirement. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error'

export interface CheckResult {
  /** The test name: requirement ID and scope (and @subject in a run of several targets). */
  name: string
  requirement: string
  scope?: string
  /** In a run of several targets (the mutation gate), which one. */
  subject?: string
  status: CheckStatus
  message?: string
  evidence?: EvidenceExchange[]
  counterexample?: Counterexample
  observations: string[]
  requests: number
  durationMs: number
  /** The target's transient faults this check met, retried or re-run past (absent when there were none). */
  transient?: TransientRecord
  /** How reads that verify a write waited for the target to agree (absent when no read had to wait). */
  settle?: SettleRecord
  /** Messages the check expected a list to show, and how many it never showed. */
  visibility?: { expected: number; missing: number }
  /** Which allowed reading the target chose, as data: name → reading. */
  readings?: Record<string, string>
  /** What the check's exchanges of the Message routes showed (src/harness/exchange-facts.ts). */
  facts?: ExchangeFactsRecord
  /** The adaptive limit of checks in flight when this check ended, once 429s have moved it (ci profile). */
  inFlight?: InFlightRecord
}

/** What a check's exchanges of the Message routes showed, for comparing runs (`conformance diff`). */
export interface ExchangeFactsRecord {
  /** `<operation> <status>`, with the Twilio code for an error: `create 201`, `create 400 20001` (transient faults left out). */
  responses: string[]
  /** Response properties as `<kind> <pointer>` (`message /links/channel_metadata`): documented by the schema, or unknown to it. */
  properties: { documented: string[]; unknown: string[] }
  /** Milliseconds per exchange, by operation (create, fetch, list, update, delete). */
  latency: Record<string, number[]>
}

/** Transient faults of the target: what was repeated, and why. None of them is a verdict. */
export interface TransientRecord {
  /** Requests repeated after a 429. */
  rateLimited: number
  /** Requests repeated after another transient fault, by what it was: "503", "500", "no answer". */
  faults: Record<string, number>
  /** Time spent waiting before repeats. */
  waitedMs: number
  /** Whole re-runs of the check, each with the fault that caused it. */
  reruns: string[]
  /** The first repeated requests, for evidence (at most 10). */
  events: RetryEvent[]
}

/** Read-after-write settling of one check (src/harness/settle.ts). */
export interface SettleRecord {
  /** Reads that verified a write. */
  reads: number
  /** Reads that agreed only after waiting. */
  delayed: number
  /** Reads made in all while waiting (reads + repeats). */
  polls: number
  waitedMs: number
  /** The longest wait until a read agreed: the lag the target showed. */
  longestMs: number
  /** Reads that never agreed within the settle time (the check then judged the last answer). */
  unsettled: number
}
