import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createVitest } from 'vitest/node'
import { CheckCollector } from '../../reporters/collector.ts'
import { citedChecks } from '../catalogue/lint.ts'
import type { SuiteConfig } from '../harness/config.ts'
import { PROFILES } from '../harness/profiles.ts'
import type { CheckResult } from '../report/check-result.ts'

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface SuiteRun {
  results: CheckResult[]
  runErrors: string[]
}

export interface SuiteRunOptions {
  config: SuiteConfig
  /** Requirement-ID prefixes; empty runs everything. */
  select: readonly string[]
  listener?: ConstructorParameters<typeof CheckCollector>[0]
  /** Overrides the profile's file parallelism (a replay runs in parallel whatever the recorded profile). */
  parallel?: boolean
}

/**
 * Runs the check files under suites/ with vitest, in its worker pool, against the configured target. vitest
 * is the engine; the collector is the only reporter, so vitest itself prints nothing.
 */
export async function runSuites(options: SuiteRunOptions): Promise<SuiteRun> {
  const profile = PROFILES[options.config.profile]
  const collector = new CheckCollector(options.listener)
  const vitest = await createVitest(
    'test',
    {
      root: PACKAGE_ROOT,
      config: false,
      watch: false,
      include: ['suites/**/*.check.ts'],
      reporters: [collector],
      provide: { conformance: options.config },
      pool: 'threads',
      // Check files keep no state of their own between files, so workers may reuse one module graph: without
      // this, importing the harness again for each of ~80 small files costs far more than the checks.
      isolate: false,
      fileParallelism: options.parallel ?? profile.parallel,
      testTimeout: profile.checkTimeoutMs,
      ...(options.select.length > 0 ? { testNamePattern: prefixPattern(options.select) } : {}),
      passWithNoTests: true,
    },
    { logLevel: 'silent', cacheDir: undefined },
  )
  try {
    // Only the files that cite a selected requirement are loaded at all.
    await vitest.start(options.select.length > 0 ? filesFor(options.select) : undefined)
  } finally {
    await vitest.close()
  }
  return { results: collector.results, runErrors: collector.runErrors }
}

function filesFor(prefixes: readonly string[]): string[] {
  const files = citedChecks()
    .filter((c) => prefixes.some((p) => c.id.startsWith(p)))
    .map((c) => join(PACKAGE_ROOT, c.file))
  return [...new Set(files)]
}

function prefixPattern(prefixes: readonly string[]): RegExp {
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^(?:${escaped.join('|')})`)
}
