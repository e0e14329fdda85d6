import type { Target } from '../client/target.ts'
import type { CommandHint } from './command.ts'
import type { ProfileName } from './profiles.ts'

/** --record DIR or --replay DIR (src/record/): cassettes written per check, or served instead of the network. */
export interface RecordingConfig {
  mode: 'record' | 'replay'
  /** The recording directory (absolute). */
  dir: string
  /** Values to scrub besides the auth token (record only). */
  secrets?: string[]
  /**
   * Record only, for the embedded reference server (which then runs reproducibly): write its origin as this one, so
   * that recording the same run again writes the same files (src/record/stabilise.ts).
   */
  stableOrigin?: string
}

/** What the CLI hands every check worker (through vitest's `provide`). */
export interface SuiteConfig {
  target: Target
  profile: ProfileName
  /** The default chat service, read once by the CLI's preflight from /v1/Configuration. */
  defaultServiceSid?: string
  /** Base seed for generated inputs; a run with the same seed generates the same inputs. */
  seed: number
  /** True when the target is the embedded reference server (replay commands then need no --target). */
  embedded: boolean
  /** Names the conversations this run creates, so a leftover can be traced to its run. */
  runId: string
  recording?: RecordingConfig
  /** How long a read that verifies a write may wait for the target to agree (--settle), in milliseconds. */
  settleMs: number
  /** The run's ledger file (absolute): every resource the run creates, for cleanup and `conformance sweep`. */
  ledgerFile?: string
  /**
   * The target ends with the run (the embedded reference server when not recording, a mutation subject): a check
   * leaves what it made instead of deleting it. Those deletions would be a tenth of the run's requests, for nothing.
   */
  discardedTarget?: boolean
  /** A marked chat service kept between runs, for the checks that need a second service (msg.scopes.other-service). */
  secondServiceSid?: string
  /** Property runs per check, overriding the profile's (--runs). */
  numRuns?: number
  /** --media-sid: media the media checks attach; without it they upload their own where the target allows (src/harness/references.ts). */
  mediaSid?: string
  /** --content-sid: the Content template the ContentSid checks use; without it they make their own where the target allows. */
  contentSid?: string
  /** --allow-webhooks: a twilio.com target may be sent X-Twilio-Webhook-Enabled: true (src/client/webhooks.ts). */
  allowWebhooks?: boolean
  /** How the user runs the suite and reaches this target again, for the replay commands of failures (src/run/command.ts). */
  hint?: CommandHint
  /**
   * Several targets in one run (the mutation gate: a reference server per seeded fault, variant and condition):
   * each subject's checks run against its own target, selected by requirement ID ([] for all), and are named
   * `<ID> [<scope>] @<subject>`. The subject's fields replace the run's.
   */
  subjects?: SubjectConfig[]
  /** Checks in flight per check worker (vitest's maxConcurrency, set by src/cli/run-suites.ts): where an adaptive limit starts. */
  inFlight?: number
}

export interface SubjectConfig {
  name: string
  /** Requirement IDs to run against this subject ([] for every one). */
  select: string[]
  overrides: Pick<SuiteConfig, 'target' | 'runId' | 'settleMs'> & Partial<Pick<SuiteConfig, 'defaultServiceSid' | 'secondServiceSid' | 'embedded' | 'seed'>>
}

/** The BroadcastChannel on which the CLI tells the check workers of a run to stop (SIGINT, SIGTERM). */
export const interruptChannelOf = (runId: string): string => `conformance-interrupt ${runId}`
