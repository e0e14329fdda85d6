import fc from 'fast-check'
import { CouldNotJudge, TransientFault } from '../client/errors.ts'
import type { Counterexample } from '../run/results.ts'
import { CheckFailure, SetupFailure } from './failure.ts'

/** A property or model-based check failed: carries the shrunk counterexample and how to replay it. */
export class PropertyFailure extends CheckFailure {
  override name = 'PropertyFailure'
  constructor(
    message: string,
    readonly counterexample: Counterexample,
    cause: unknown,
  ) {
    super(message, cause instanceof CheckFailure ? cause.exchange : undefined)
  }
}

export interface PropertySettings<Ts> {
  seed: number
  /**
   * Inputs tried before the generated ones, every run: the documented edge cases a property must always cover, so
   * whether it catches a server that breaks only those does not depend on the seed.
   */
  examples?: Ts[]
  numRuns: number
  /**
   * Generation stops after this long; a property that ran out of time without failing passes with fewer runs.
   * Undefined: no time limit, exactly numRuns runs (record and replay modes, where the runs must be reproducible).
   */
  timeLimitMs?: number
  /** The command that replays this check with the same seed. */
  replay: string
  /** Environment variables that command needs set (the credentials' names). */
  replayEnv?: string[]
}

/** Stable 31-bit seed for one check, from the run seed and the check's name: a subset replays the same inputs. */
export function deriveSeed(runSeed: number, checkName: string): number {
  let h = 0x811c9dc5 ^ runSeed
  for (let i = 0; i < checkName.length; i++) h = Math.imul(h ^ checkName.charCodeAt(i), 0x01000193)
  return (h >>> 0) % 2 ** 31
}

/**
 * Runs a fast-check property against the target. fast-check shrinks a failure to a minimal input; the error then
 * names that input, the seed and the replay command. A setup failure, a transient fault or running out of time
 * inside a run stops the property as such (the client then fails every request at once, so nothing is shrunk).
 */
export async function runProperty<Ts>(property: fc.IAsyncPropertyWithHooks<Ts> | fc.IAsyncProperty<Ts>, settings: PropertySettings<Ts>): Promise<number> {
  const details = await fc.check(property, {
    seed: settings.seed,
    ...(settings.examples ? { examples: settings.examples } : {}),
    numRuns: settings.numRuns,
    ...(settings.timeLimitMs !== undefined ? { interruptAfterTimeLimit: settings.timeLimitMs, markInterruptAsFailure: false } : {}),
  })
  if (!details.failed) return details.numRuns
  // fast-check counts a property interrupted before any input passed as failed, with no error and no counterexample:
  // the time ran out on the first input (a slow or rate-limiting target), which judges nothing.
  if (details.interrupted && details.counterexample === null) {
    throw new CouldNotJudge(`the property's time (${Math.round((settings.timeLimitMs ?? 0) / 1000)} s) ran out before its first input could be tried; the target was slow or rate limiting`)
  }
  const cause = details.errorInstance
  // Not a verdict on the input: the check could not be set up, met a transient fault (it is re-run) or ran out of time.
  if (cause instanceof SetupFailure || cause instanceof TransientFault || cause instanceof CouldNotJudge) throw cause
  const value = cut(fc.stringify(details.counterexample))
  const counterexample: Counterexample = {
    value,
    seed: settings.seed,
    ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
    replay: settings.replay,
    ...(settings.replayEnv && settings.replayEnv.length > 0 ? { env: settings.replayEnv } : {}),
    runs: details.numRuns,
  }
  const reason = cause instanceof Error ? cause.message : String(cause)
  const preview = value.length > 200 ? `${value.slice(0, 200)}…` : value
  throw new PropertyFailure(`${reason} — shrunk counterexample after ${details.numRuns} runs (${details.numShrinks} shrinks): ${preview}`, counterexample, cause)
}

function cut(text: string): string {
  return text.length <= 1500 ? text : `${text.slice(0, 1500)}… [${text.length - 1500} more characters]`
}
