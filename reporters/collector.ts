import type { Reporter, TestCase, TestModule } from 'vitest/node'
import type { CheckMeta } from '../src/harness/check.ts'
import type { CheckResult, CheckStatus } from '../src/run/results.ts'

/**
 * Listens to vitest and turns each finished check into a CheckResult. It judges nothing itself: the verdict
 * comes from the catalogue and the results (src/report/run-report.ts).
 */
export class CheckCollector implements Reporter {
  readonly results: CheckResult[] = []
  /** Suite files that failed to load or crashed: the run is incomplete, not conformant. */
  readonly runErrors: string[] = []
  private expected = 0

  constructor(private readonly listener: { onPlanned?(total: number): void; onResult?(result: CheckResult): void } = {}) {}

  onTestModuleCollected(module: TestModule): void {
    // Only checks that will run: those left out by the prefix selection (testNamePattern) are collected as 'skip'.
    for (const t of module.children.allTests()) if (willRun(t)) this.expected++
    this.listener.onPlanned?.(this.expected)
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = toCheckResult(testCase)
    this.results.push(result)
    if (willRun(testCase)) this.listener.onResult?.(result)
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    for (const m of modules) for (const e of m.errors()) this.runErrors.push(`${m.moduleId}: ${e.message}`)
    for (const e of unhandledErrors) this.runErrors.push(e.message ?? String(e))
  }
}

function willRun(testCase: TestCase): boolean {
  return testCase.options.mode === 'run' || testCase.options.mode === 'only'
}

function toCheckResult(testCase: TestCase): CheckResult {
  const meta = testCase.meta().conformance as CheckMeta | undefined
  const result = testCase.result()
  const diagnostic = testCase.diagnostic()
  const firstError = result.state === 'failed' ? result.errors?.[0] : undefined
  let status: CheckStatus = result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped'
  if (status === 'failed' && meta?.outcome === 'setup-error') status = 'error'
  return {
    name: testCase.name,
    requirement: meta?.requirement ?? testCase.name.split(' ')[0] ?? testCase.name,
    ...(meta?.scope ? { scope: meta.scope } : {}),
    ...(meta?.subject ? { subject: meta.subject } : {}),
    status,
    ...(firstError ? { message: firstError.message } : {}),
    // ctx.skip(note): a check that cannot run here (e.g. not replayable) says why.
    ...(result.state === 'skipped' && result.note ? { message: result.note } : {}),
    ...(meta?.evidence && status !== 'passed' ? { evidence: meta.evidence } : {}),
    ...(meta?.counterexample && status !== 'passed' ? { counterexample: meta.counterexample } : {}),
    observations: meta?.observations ?? [],
    requests: meta?.requests ?? 0,
    durationMs: Math.round(diagnostic?.duration ?? 0),
    ...(meta?.transient ? { transient: meta.transient } : {}),
    ...(meta?.settle ? { settle: meta.settle } : {}),
    ...(meta?.visibility ? { visibility: meta.visibility } : {}),
    ...(meta?.readings ? { readings: meta.readings } : {}),
    ...(meta?.facts ? { facts: meta.facts } : {}),
    ...(meta?.inFlight ? { inFlight: meta.inFlight } : {}),
  }
}
