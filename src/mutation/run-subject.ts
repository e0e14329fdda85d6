import { type ReferenceServer, startReferenceServer } from '../../mock/server.ts'
import { REQUIREMENTS } from '../catalogue/requirements.ts'
import { accountTarget, type Target } from '../client/target.ts'
import { runSuites } from '../cli/run-suites.ts'
import { suiteIdentity } from '../cli/suite-identity.ts'
import { buildRunReport, type RunReport } from '../report/run-report.ts'
import type { SubjectConfig } from '../run/config.ts'
import type { CheckResult } from '../run/results.ts'
import type { Subject } from './subjects.ts'

export interface SubjectOutcome {
  subject: Subject
  exitCode: number
  /** IDs of requirements that failed, with their level. */
  failed: Array<{ id: string; level: string }>
  /** IDs of requirements whose checks could not be judged. */
  errored: string[]
  verdict: string
  requests: number
  /** The time its checks took, added up (they run at once with every other subject's: no wall time of its own). */
  durationMs: number
  /** The requirements run against it: [] for every one, else the fault's targets. */
  selected: string[]
  /** What the run retried and waited for (the condition runs show them). */
  transient?: RunReport['transient']
  settle?: RunReport['settle']
  /** Set when the run could not happen at all (a server that would not start). */
  problem?: string
  /** The requirements that did not pass, each with its message and, for a property, the command that replays it. */
  notPassed?: Array<{ id: string; level: string; status: string; message: string; replay?: string }>
}

/** Checks in flight at once in the mutation run: many servers, each lightly loaded, so far more than a run's 16. */
const MUTATION_CONCURRENCY = 48

/**
 * Runs many subjects in one vitest run: a reference server per subject, all in this process, and every check
 * declared once per subject that selects it (src/run/config.ts `subjects`), so the start-up of the engine is paid
 * once, not once per fault. Each subject's results are judged on their own, as a run against it would be.
 */
export async function runSubjects(subjects: readonly Subject[], seed: number, selectFor: (s: Subject) => string[]): Promise<SubjectOutcome[]> {
  const started = Date.now()
  const servers = await Promise.all(subjects.map((s) => startReferenceServer({ faults: s.faults, variants: s.variants, conditions: s.conditions, seed: s.seed ?? seed })))
  try {
    const configs: SubjectConfig[] = subjects.map((subject, i) => ({
      name: subject.name,
      select: selectFor(subject),
      overrides: {
        target: targetFor(subject, servers[i]!),
        runId: `mutation ${subject.name}`,
        // A list that lags 300 ms is waited for; a fault's list that never agrees costs at most this much per read.
        settleMs: subject.kind === 'condition' ? 3000 : 1000,
        defaultServiceSid: servers[i]!.defaultServiceSid,
        embedded: false,
        ...(subject.seed !== undefined ? { seed: subject.seed } : {}),
      },
    }))
    const run = await runSuites({
      // Each subject's server is closed after the run: checks need not delete what they made on it.
      config: { target: targetFor(subjects[0]!, servers[0]!), profile: 'ci', seed, runId: 'mutation', settleMs: 1000, embedded: false, discardedTarget: true, subjects: configs },
      select: [],
      concurrency: MUTATION_CONCURRENCY,
    })
    const bySubject = new Map<string, CheckResult[]>()
    for (const r of run.results) if (r.subject) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r])
    return subjects.map((subject, i) => outcomeOf(subject, configs[i]!.select, bySubject.get(subject.name) ?? [], run.runErrors, subject.seed ?? seed, started))
  } finally {
    await Promise.all(servers.map((s) => s.close()))
  }
}

function outcomeOf(subject: Subject, select: string[], results: CheckResult[], runErrors: string[], seed: number, started: number): SubjectOutcome {
  const requirements = select.length === 0 ? [...REQUIREMENTS] : REQUIREMENTS.filter((r) => select.includes(r.id))
  const report = buildRunReport(requirements, results, {
    suite: suiteIdentity(),
    target: { url: `reference server: ${subject.name}`, embedded: false },
    profile: 'ci',
    seed,
    startedAt: new Date(started),
    durationMs: results.reduce((n, r) => Math.max(n, r.durationMs), 0),
    runErrors,
  })
  return {
    subject,
    exitCode: report.gate.exitCode,
    failed: report.results.filter((r) => r.status === 'failed').map((r) => ({ id: r.id, level: r.level })),
    errored: report.results.filter((r) => r.status === 'error' || r.status === 'skipped').map((r) => r.id),
    verdict: report.verdict,
    requests: report.requests,
    // The subject's own: every subject runs in one run, so the time since it started would be the whole run's.
    durationMs: results.reduce((n, r) => n + r.durationMs, 0),
    selected: select,
    transient: report.transient,
    settle: report.settle,
    notPassed: report.results
      .filter((r) => r.status !== 'passed')
      .map((r) => {
        const replay = r.checks.find((c) => c.counterexample)?.counterexample?.replay
        return { id: r.id, level: r.level, status: r.status, message: r.message, ...(replay ? { replay } : {}) }
      }),
  }
}

/** The credentials a subject's server takes: an API key under the key conditions, the account otherwise. */
function targetFor(subject: Subject, server: ReferenceServer): Target {
  const keys = subject.conditions.some((c) => c === 'api-keys' || c === 'restricted-key')
  const account = accountTarget(server, 10_000)
  return keys ? { ...account, username: server.apiKey, secret: server.apiSecret } : account
}
