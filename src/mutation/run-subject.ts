import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReferenceServer } from '../../mock/server.ts'
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
  /** Set when the run produced no report (a crash of the suite): the stderr tail. */
  problem?: string
}

/** Starts the reference server with the subject's switches and runs the whole suite against it in a child process. */
export async function runSubject(subject: Subject, seed: number, select: readonly string[] = []): Promise<SubjectOutcome> {
  const started = Date.now()
  const server = await startReferenceServer({ faults: subject.faults, variants: subject.variants })
  const dir = await mkdtemp(join(tmpdir(), 'conformance-mutation-'))
  const reportFile = join(dir, 'report.json')
  try {
    const run = await runConformanceProcess([
      ...select,
      '--target', server.url,
      '--account-sid', server.accountSid,
      '--auth-token', server.authToken,
      '--seed', String(seed),
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
    }
  } finally {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  }
}
