import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ReferenceServer, startReferenceServer } from '../../mock/server.ts'
import { runConformanceProcess } from '../cli/spawn.ts'
import type { RunReport } from '../report/run-report.ts'
import type { Subject } from './subjects.ts'

export interface SubjectOutcome {
  subject: Subject
  exitCode: number
  /** IDs of requirements that failed, with their level. */
  failed: Array<{ id: string; level: string }>
  /** IDs of requirements whose checks could not be set up. */
  errored: string[]
  verdict: string
  requests: number
  durationMs: number
  /** What the run retried and waited for (the condition runs show them). */
  transient?: RunReport['transient']
  settle?: RunReport['settle']
  /** Set when the run produced no report (a crash of the suite): the stderr tail. */
  problem?: string
}

/** Starts the reference server with the subject's switches and runs the whole suite against it in a child process. */
export async function runSubject(subject: Subject, seed: number, select: readonly string[] = []): Promise<SubjectOutcome> {
  const started = Date.now()
  const server = await startReferenceServer({ faults: subject.faults, variants: subject.variants, conditions: subject.conditions, seed })
  const dir = await mkdtemp(join(tmpdir(), 'conformance-mutation-'))
  const reportFile = join(dir, 'report.json')
  try {
    const run = await runConformanceProcess([
      ...select,
      '--target', server.url,
      ...credentialsFor(subject, server),
      '--seed', String(seed),
      // A list that lags 300 ms is waited for; a fault's list that never agrees costs at most this much per read.
      '--settle', subject.kind === 'condition' ? '3000' : '1000',
      '--ledger-dir', join(dir, 'ledgers'),
      '--quiet',
      '--report', `json:${reportFile}`,
    ])
    let report: RunReport
    try {
      report = JSON.parse(await readFile(reportFile, 'utf8')) as RunReport
    } catch {
      return { subject, exitCode: run.code, failed: [], errored: [], verdict: 'NO REPORT', requests: 0, durationMs: Date.now() - started, problem: run.stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${run.code}` }
    }
    return {
      subject,
      exitCode: run.code,
      failed: report.results.filter((r) => r.status === 'failed').map((r) => ({ id: r.id, level: r.level })),
      errored: report.results.filter((r) => r.status === 'error').map((r) => r.id),
      verdict: report.verdict,
      requests: report.requests,
      durationMs: Date.now() - started,
      transient: report.transient,
      settle: report.settle,
    }
  } finally {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The credentials a subject's server takes: an API key under the key conditions, and the service when the key may not read the configuration. */
function credentialsFor(subject: Subject, server: ReferenceServer): string[] {
  const keys = subject.conditions.some((c) => c === 'api-keys' || c === 'restricted-key')
  if (!keys) return ['--account-sid', server.accountSid, '--auth-token', server.authToken]
  return [
    '--account-sid', server.accountSid,
    '--api-key', server.apiKey,
    '--api-secret', server.apiSecret,
    ...(subject.conditions.includes('restricted-key') ? ['--service-sid', server.defaultServiceSid] : []),
  ]
}
