import { fileURLToPath } from 'node:url'
import { createVitest } from 'vitest/node'
import { CheckCollector } from '../../reporters/collector.ts'
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
      fileParallelism: profile.parallel,
      testTimeout: profile.checkTimeoutMs,
      ...(options.select.length > 0 ? { testNamePattern: prefixPattern(options.select) } : {}),
      passWithNoTests: true,
    },
    { logLevel: 'silent', cacheDir: undefined },
  )
  try {
    await vitest.start()
  } finally {
    await vitest.close()
  }
  return { results: collector.results, runErrors: collector.runErrors }
}

function prefixPattern(prefixes: readonly string[]): RegExp {
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^(?:${escaped.join('|')})`)
}
