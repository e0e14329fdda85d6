import type { Target } from '../client/target.ts'
import type { RecordingConfig } from '../record/session.ts'
import type { ProfileName } from './profiles.ts'

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
  /** --record DIR or --replay DIR (src/record/): cassettes written per check, or served instead of the network. */
  recording?: RecordingConfig
}

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: SuiteConfig
  }
}
