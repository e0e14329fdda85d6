import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { BaseSequencer, createVitest, type TestSpecification } from 'vitest/node'
import { CheckCollector } from '../../reporters/collector.ts'
import { interruptChannelOf, type SuiteConfig } from '../run/config.ts'
import { CODE_ROOT, COMPILED } from '../run/paths.ts'
import { PROFILES } from '../run/profiles.ts'
import type { CheckResult } from '../run/results.ts'

/**
 * Check workers, each a thread: two (each with half the checks, suites/part-*.run.ts) where the machine has more
 * than two cores; on two, one with every check (suites/all.run.ts), leaving the other core to the server. There a
 * second worker costs a sixth more processor time (its own start-up, every function warmed up twice) and is no faster.
 */
function checkWorkers(cores = availableParallelism()): 1 | 2 {
  return cores > 2 ? 2 : 1
}

/**
 * Runs the check files in the order of their names, not vitest's (which puts the slower file of the last run first),
 * so a run at concurrency 1 makes its requests in the same order every time: a recording depends on it.
 */
class ByNameSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0))
  }
}

export interface SuiteRun {
  results: CheckResult[]
  runErrors: string[]
}

export interface SuiteRunOptions {
  config: SuiteConfig
  /** Requirement IDs to run (exact), or prefixes when `exact` is false; empty runs everything. */
  select: readonly string[]
  listener?: ConstructorParameters<typeof CheckCollector>[0]
  /** Overrides the profile's concurrency (a replay has no server to spare, so it runs as many as it likes). */
  concurrency?: number
  /** Aborting stops the run: no check starts any more, and the checks in flight stop at their next request. */
  signal?: AbortSignal
}

/**
 * Runs the checks with vitest, in its worker pool, against the configured target. vitest is the engine; the
 * collector is the only reporter, so vitest itself prints nothing. The check files are loaded by the vitest files
 * suites/*.run.ts, one per worker, whose tests vitest runs concurrently up to the profile's concurrency.
 */
export async function runSuites(options: SuiteRunOptions): Promise<SuiteRun> {
  const profile = PROFILES[options.config.profile]
  const concurrency = options.concurrency ?? profile.concurrency
  // At concurrency 1 (a recording), the two halves one after the other, in one worker: the order recordings have.
  const workers = concurrency > 1 ? checkWorkers() : 1
  const files = concurrency > 1 && workers === 1 ? 'all' : 'part-*'
  const collector = new CheckCollector(options.listener)
  // Interrupted before the checks began (while the server started, or vitest loaded): none starts. An abort listener
  // added now would never fire, and the workers could not hear the interrupt before they listen.
  if (options.signal?.aborted) return { results: [], runErrors: [] }
  const ownListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
  const vitest = await createVitest(
    'test',
    {
      root: CODE_ROOT,
      config: false,
      watch: false,
      include: [join('suites', `${files}.run.${COMPILED ? 'js' : 'ts'}`)],
      reporters: [collector],
      provide: { conformance: { ...options.config, inFlight: Math.ceil(concurrency / workers) } },
      // Compiled, the checks are plain JavaScript: the worker imports them natively instead of through vite's module
      // runner (one round trip to the main thread per module), which halves the start-up.
      ...(COMPILED ? { server: { deps: { external: [/\/dist\//] } } } : {}),
      pool: 'threads',
      maxWorkers: workers,
      fileParallelism: workers > 1,
      // The checks keep no state of their own between files, so the worker need not isolate them.
      isolate: false,
      sequence: { concurrent: concurrency > 1, sequencer: ByNameSequencer },
      maxConcurrency: Math.ceil(concurrency / workers),
      testTimeout: profile.checkTimeoutMs,
      ...(options.select.length > 0 ? { testNamePattern: selectionPattern(options.select) } : {}),
      passWithNoTests: true,
      // No results cache: the order is the suite's own (ByNameSequencer), and a cache would be written inside the
      // package's folder (under dist/), which an installed package may not be allowed to write.
      cache: false,
    },
    { logLevel: 'silent', cacheDir: undefined },
  )
  // vitest's logger exits the process on SIGINT/SIGTERM; the CLI stops the run itself (cleanup, then the reports).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!ownListeners[signal].includes(listener)) process.off(signal, listener)
  }
  let repeat: NodeJS.Timeout | undefined
  let channel: InstanceType<typeof BroadcastChannel> | undefined
  const stop = () => {
    // Checks in flight stop at their next request (src/harness/interrupt.ts); the rest stop as they start. A
    // BroadcastChannel reaches only those already listening, and a worker listens from its first check on: said again
    // until the run ends, so a worker still loading its checks (or between them) hears it too. vitest's own cancel
    // does not stop a file it has started.
    channel = new BroadcastChannel(interruptChannelOf(options.config.runId))
    channel.postMessage('interrupt')
    repeat = setInterval(() => channel!.postMessage('interrupt'), 200)
    void vitest.cancelCurrentRun('keyboard-input')
  }
  options.signal?.addEventListener('abort', stop, { once: true })
  try {
    if (!options.signal?.aborted) await vitest.start()
  } finally {
    options.signal?.removeEventListener('abort', stop)
    clearInterval(repeat)
    channel?.close()
    await vitest.close()
  }
  return { results: collector.results, runErrors: collector.runErrors }
}

/** Test names are `<requirement ID> [<scope>]`: this matches exactly the selected IDs. */
function selectionPattern(ids: readonly string[]): RegExp {
  const escaped = ids.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^(?:${escaped.join('|')}) \\[`)
}
