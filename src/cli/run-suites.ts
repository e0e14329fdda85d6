import { join } from 'node:path'
import { createVitest } from 'vitest/node'
import { CheckCollector } from '../../reporters/collector.ts'
import { interruptChannelOf, type SuiteConfig } from '../run/config.ts'
import { CODE_ROOT, COMPILED } from '../run/paths.ts'
import { PROFILES } from '../run/profiles.ts'
import type { CheckResult } from '../run/results.ts'

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
 * collector is the only reporter, so vitest itself prints nothing. Every check file is loaded by one module
 * (suites/all.run.ts), whose tests vitest runs concurrently up to the profile's concurrency.
 */
export async function runSuites(options: SuiteRunOptions): Promise<SuiteRun> {
  const profile = PROFILES[options.config.profile]
  const concurrency = options.concurrency ?? profile.concurrency
  const collector = new CheckCollector(options.listener)
  const ownListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
  const vitest = await createVitest(
    'test',
    {
      root: CODE_ROOT,
      config: false,
      watch: false,
      include: [join('suites', COMPILED ? 'all.run.js' : 'all.run.ts')],
      reporters: [collector],
      provide: { conformance: options.config },
      pool: 'threads',
      maxWorkers: 1,
      // The checks keep no state of their own between files, so the worker need not isolate them.
      isolate: false,
      sequence: { concurrent: concurrency > 1 },
      maxConcurrency: concurrency,
      testTimeout: profile.checkTimeoutMs,
      ...(options.select.length > 0 ? { testNamePattern: selectionPattern(options.select) } : {}),
      passWithNoTests: true,
    },
    { logLevel: 'silent', cacheDir: undefined },
  )
  // vitest's logger exits the process on SIGINT/SIGTERM; the CLI stops the run itself (cleanup, then the reports).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!ownListeners[signal].includes(listener)) process.off(signal, listener)
  }
  const stop = () => {
    // Checks in flight stop at their next request (src/harness/interrupt.ts); the rest never start.
    const channel = new BroadcastChannel(interruptChannelOf(options.config.runId))
    channel.postMessage('interrupt')
    channel.close()
    void vitest.cancelCurrentRun('keyboard-input')
  }
  options.signal?.addEventListener('abort', stop, { once: true })
  try {
    await vitest.start()
  } finally {
    options.signal?.removeEventListener('abort', stop)
    await vitest.close()
  }
  return { results: collector.results, runErrors: collector.runErrors }
}

/** Test names are `<requirement ID> [<scope>]`: this matches exactly the selected IDs. */
function selectionPattern(ids: readonly string[]): RegExp {
  const escaped = ids.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^(?:${escaped.join('|')}) \\[`)
}
