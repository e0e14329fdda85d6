import { areaOf, type Level, type Requirement, type Source } from '../catalogue/types.ts'
import type { CheckResult, CheckStatus } from './check-result.ts'

export type RequirementStatus = CheckStatus
export type Verdict = 'CONFORMANT' | 'CONFORMANT WITH WARNINGS' | 'NOT CONFORMANT' | 'INCOMPLETE'

export interface RequirementResult {
  id: string
  level: Level
  source: Source
  area: string
  summary: string
  ref: string
  status: RequirementStatus
  /** The first failure (or setup failure) in words; for a pass, what was seen. */
  message: string
  observations: string[]
  checks: CheckResult[]
}

export interface RunReport {
  format: 'conversations-message-conformance-run'
  formatVersion: 1
  suite: { name: string; version: string }
  target: { url: string; embedded: boolean }
  profile: string
  seed: number
  startedAt: string
  durationMs: number
  requests: number
  verdict: Verdict
  summary: { total: number; passed: number; failed: number; skipped: number; error: number; mustFailed: number; shouldFailed: number }
  /** Problems that stopped part of the run from happening at all (a suite file that did not load). */
  runErrors: string[]
  results: RequirementResult[]
}

export interface RunFacts {
  suite: { name: string; version: string }
  target: { url: string; embedded: boolean }
  profile: string
  seed: number
  startedAt: Date
  durationMs: number
  runErrors: string[]
}

/** Folds check results into one verdict per requirement: any failed check fails it; a setup failure is `error`. */
export function buildRunReport(requirements: readonly Requirement[], checks: readonly CheckResult[], facts: RunFacts): RunReport {
  const byRequirement = new Map<string, CheckResult[]>()
  for (const c of checks) byRequirement.set(c.requirement, [...(byRequirement.get(c.requirement) ?? []), c])
  const results = requirements.map((r) => requirementResult(r, byRequirement.get(r.id) ?? []))
  const count = (s: RequirementStatus) => results.filter((r) => r.status === s).length
  const summary = {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    error: count('error'),
    mustFailed: results.filter((r) => r.level === 'must' && r.status === 'failed').length,
    shouldFailed: results.filter((r) => r.level === 'should' && r.status === 'failed').length,
  }
  return {
    format: 'conversations-message-conformance-run',
    formatVersion: 1,
    suite: facts.suite,
    target: facts.target,
    profile: facts.profile,
    seed: facts.seed,
    startedAt: facts.startedAt.toISOString(),
    durationMs: facts.durationMs,
    requests: checks.reduce((n, c) => n + c.requests, 0),
    verdict: verdictOf(results, facts.runErrors),
    summary,
    runErrors: facts.runErrors,
    results,
  }
}

function requirementResult(req: Requirement, checks: CheckResult[]): RequirementResult {
  const first = (s: CheckStatus) => checks.find((c) => c.status === s)
  const failed = first('failed')
  const errored = first('error')
  const status: RequirementStatus = failed ? 'failed' : errored ? 'error' : checks.length > 0 && checks.every((c) => c.status === 'passed') ? 'passed' : 'skipped'
  const culprit = failed ?? errored
  const message = culprit
    ? `${culprit.scope ? `[${culprit.scope}] ` : ''}${status === 'error' ? 'setup failed: ' : ''}${culprit.message ?? 'failed'}`
    : status === 'passed'
      ? `passed in ${checks.map((c) => c.scope ?? c.name).join(' and ')} scope${checks.length > 1 ? 's' : ''}`
      : 'not run'
  return {
    id: req.id,
    level: req.level,
    source: req.source,
    area: areaOf(req.id),
    summary: req.summary,
    ref: req.ref,
    status,
    message,
    observations: [...new Set(checks.flatMap((c) => c.observations.map((o) => (c.scope ? `[${c.scope}] ${o}` : o))))],
    checks,
  }
}

function verdictOf(results: readonly RequirementResult[], runErrors: readonly string[]): Verdict {
  if (results.some((r) => r.level === 'must' && r.status === 'failed')) return 'NOT CONFORMANT'
  if (runErrors.length > 0 || results.some((r) => r.level === 'must' && (r.status === 'error' || r.status === 'skipped'))) return 'INCOMPLETE'
  if (results.some((r) => r.status === 'failed')) return 'CONFORMANT WITH WARNINGS'
  return 'CONFORMANT'
}

/** 0: every `must` passed. 1: a `must` failed. 2: the run could not judge everything it was asked to. */
export function exitCodeOf(report: RunReport): 0 | 1 | 2 {
  if (report.verdict === 'NOT CONFORMANT') return 1
  if (report.verdict === 'INCOMPLETE') return 2
  return 0
}
