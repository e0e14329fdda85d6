import { areaOf, type Level, type Requirement, type Source } from '../catalogue/types.ts'
import type { CheckResult, CheckStatus, SettleRecord } from '../run/results.ts'
import { type Expectations, isExpired, type KnownFailure } from './expectations.ts'
import { adaptationOf, type AdaptationSummary, latencyOf, type LatencyStats, propertiesOf, readingsOf, reportedCheck, responsesOf } from './run-facts.ts'

/**
 * A requirement's outcome. Besides a check's own statuses: `known-failure` (it failed, and an unexpired entry of
 * the expectations file excuses it) and `unexpected-pass` (it passed although the file lists it: the entry can go).
 */
export type RequirementStatus = CheckStatus | 'known-failure' | 'unexpected-pass'
export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['failed', 'known-failure', 'error', 'unexpected-pass', 'passed', 'skipped']
export type Verdict = 'CONFORMANT' | 'CONFORMANT WITH WARNINGS' | 'NOT CONFORMANT' | 'INCOMPLETE'
/** The level whose failures fail the run: `must` (default) or `should` (`--level should`: `should` failures too). */
export type GateLevel = 'must' | 'should'

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
  /** The expectations-file entry naming this requirement, if any. */
  expectation?: KnownFailure & { expired: boolean }
  /** Format 1.1: which allowed reading the target chose, name → reading (absent when the checks record none). */
  readings?: Record<string, string>
  /** Format 1.1: the statuses and error codes its checks met on the Message routes, `<operation> <status>[ <code>]`. */
  responses?: string[]
  checks: CheckResult[]
}

/** 0 passed, 1 a gated failure, 2 not everything judged, 130/143 interrupted by SIGINT/SIGTERM (the shell's 128 + signal). */
export type GateExitCode = 0 | 1 | 2 | 130 | 143

/** What a CI system acts on: the exit status and why. The verdict states facts about the target; the gate decides. */
export interface Gate {
  passed: boolean
  /** The process's exit status, as every report and the console state it (130/143: interrupted by SIGINT/SIGTERM). */
  exitCode: GateExitCode
  /** Why the gate failed, one line each (empty when it passed). */
  reasons: string[]
  /** What a reviewer should know although it does not fail the run: known failures, unexpected passes, ungated failures. */
  notes: string[]
}

/** Which part of the catalogue a run judged, and what else changes what counts. */
export interface Selection {
  /** The requirement-ID prefixes given ([] for all). */
  prefixes: string[]
  /** Requirements this run judged. */
  requirements: number
  /** Requirements in the catalogue. */
  catalogue: number
  /** True when the run judged less than the whole catalogue: its verdict is about those requirements only. */
  partial: boolean
  /** --shard i/n: this run is one part of a larger one (conformance merge joins them). */
  shard?: { index: number; count: number }
}

/** Transient faults of the target over the whole run: retried or re-run past, never a verdict. */
export interface TransientSummary {
  rateLimited: number
  /** Repeated requests by what they met: "503", "500", "no answer". */
  faults: Record<string, number>
  reruns: number
  waitedMs: number
  /** Checks that met any of it. */
  checks: number
}

export interface SettleSummary extends SettleRecord {
  /** The settle time each read had (--settle). */
  settleMs: number
  /** Checks that had to wait. */
  checks: number
}

export interface RunReport {
  format: 'conversations-message-conformance-run'
  formatVersion: 1
  /** Added within format 1: 1 (format 1.1) brings readings, responses, properties, latency and adaptation; absent before. */
  formatMinor?: number
  suite: { name: string; version: string }
  /** The target; `account` is redacted to its last 4 characters, `credentials` says which kind was sent (never the value). */
  target: { url: string; embedded: boolean; account?: string; credentials?: 'auth token' | 'API key' }
  profile: string
  seed: number
  /** Property runs per check when --runs overrode the profile. */
  runs?: number
  selection: Selection
  /** Set when SIGINT or SIGTERM stopped the run: the verdict is then INCOMPLETE. */
  interrupted?: 'SIGINT' | 'SIGTERM'
  transient: TransientSummary
  settle: SettleSummary
  /** What a reader should know before the details: one line each (a target that looks stateless). */
  warnings: string[]
  startedAt: string
  durationMs: number
  requests: number
  /**
   * About the target, whatever the options: NOT CONFORMANT when a `must` requirement failed (known failures
   * included), CONFORMANT WITH WARNINGS when only `should`/`may` requirements failed, INCOMPLETE when the run could
   * not judge every `must`.
   */
  verdict: Verdict
  level: GateLevel
  gate: Gate
  summary: {
    total: number
    passed: number
    failed: number
    skipped: number
    error: number
    knownFailure: number
    unexpectedPass: number
    /** `must` requirements the target does not meet: `failed` or `known-failure`. */
    mustFailed: number
    shouldFailed: number
  }
  /** Problems that stopped part of the run from happening at all (a suite file that did not load). */
  runErrors: string[]
  expectations?: {
    file: string
    target: string
    /** Entries in the file. */
    entries: number
    /** Entries past their expiry date that name a selected requirement: each fails the run. */
    expired: string[]
    /** Entries whose requirement passed: each can be removed. */
    unexpectedPasses: string[]
    /** Entries naming a requirement that this run did not select. */
    unused: string[]
  }
  results: RequirementResult[]
  /** Format 1.1: response properties seen, `<kind> <pointer>`: documented by the schemas, or unknown to them (new in the service?). */
  properties?: { documented: string[]; unknown: string[] }
  /** Format 1.1: latency per Message operation over the run. */
  latency?: Record<string, LatencyStats>
  /** Format 1.1: how the checks in flight adapted to 429s (ci profile; absent when they never had to). */
  adaptation?: AdaptationSummary
}

/** The minor version of the run report format this suite writes (see RunReport.formatMinor). */
export const FORMAT_MINOR = 1

export interface RunFacts {
  suite: { name: string; version: string }
  target: RunReport['target']
  profile: string
  seed: number
  runs?: number
  /** Defaults: every requirement given, no prefixes. */
  selection?: { prefixes: readonly string[]; catalogue: number; shard?: { index: number; count: number } }
  interrupted?: 'SIGINT' | 'SIGTERM'
  settleMs?: number
  startedAt: Date
  durationMs: number
  runErrors: string[]
  /** Default `must`. */
  level?: GateLevel
  expectations?: Expectations
}

/** Folds check results into one verdict per requirement: any failed check fails it; a setup failure is `error`. */
export function buildRunReport(requirements: readonly Requirement[], checks: readonly CheckResult[], facts: RunFacts): RunReport {
  const byRequirement = new Map<string, CheckResult[]>()
  // Checks finish in any order when they run concurrently; a report lists them by name (the default scope first).
  for (const c of [...checks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) byRequirement.set(c.requirement, [...(byRequirement.get(c.requirement) ?? []), c])
  const known = new Map((facts.expectations?.known ?? []).map((k) => [k.id, { ...k, expired: isExpired(k, facts.startedAt) }]))
  const results = requirements.map((r) => applyExpectation(requirementResult(r, byRequirement.get(r.id) ?? []), known.get(r.id)))
  const count = (s: RequirementStatus) => results.filter((r) => r.status === s).length
  const notMet = (level: Level) => results.filter((r) => r.level === level && (r.status === 'failed' || r.status === 'known-failure')).length
  const summary = {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    error: count('error'),
    knownFailure: count('known-failure'),
    unexpectedPass: count('unexpected-pass'),
    mustFailed: notMet('must'),
    shouldFailed: notMet('should'),
  }
  const level = facts.level ?? 'must'
  const selected = new Set(requirements.map((r) => r.id))
  const expectations = facts.expectations
    ? {
        file: facts.expectations.file,
        target: facts.expectations.target,
        entries: facts.expectations.known.length,
        expired: results.filter((r) => r.expectation?.expired).map((r) => r.id),
        unexpectedPasses: results.filter((r) => r.status === 'unexpected-pass').map((r) => r.id),
        unused: facts.expectations.known.filter((k) => !selected.has(k.id)).map((k) => k.id),
      }
    : undefined
  return {
    format: 'conversations-message-conformance-run',
    formatVersion: 1,
    formatMinor: FORMAT_MINOR,
    suite: facts.suite,
    target: facts.target,
    profile: facts.profile,
    seed: facts.seed,
    ...(facts.runs !== undefined ? { runs: facts.runs } : {}),
    selection: {
      prefixes: [...(facts.selection?.prefixes ?? [])],
      requirements: requirements.length,
      catalogue: facts.selection?.catalogue ?? requirements.length,
      partial: requirements.length < (facts.selection?.catalogue ?? requirements.length),
      ...(facts.selection?.shard ? { shard: facts.selection.shard } : {}),
    },
    ...(facts.interrupted ? { interrupted: facts.interrupted } : {}),
    transient: transientSummary(checks),
    warnings: runWarnings(checks),
    settle: settleSummary(checks, facts.settleMs ?? 0),
    startedAt: facts.startedAt.toISOString(),
    durationMs: facts.durationMs,
    requests: checks.reduce((n, c) => n + c.requests, 0),
    verdict: facts.interrupted ? 'INCOMPLETE' : verdictOf(results, facts.runErrors),
    level,
    gate: gateOf(results, facts.runErrors, level, expectations?.file, facts.interrupted),
    summary,
    runErrors: facts.runErrors,
    ...(expectations ? { expectations } : {}),
    results,
    ...(propertiesOf(checks) ? { properties: propertiesOf(checks)! } : {}),
    ...(latencyOf(checks) ? { latency: latencyOf(checks)! } : {}),
    ...(adaptationOf(checks) ? { adaptation: adaptationOf(checks)! } : {}),
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
    ...(readingsOf(checks) ? { readings: readingsOf(checks)! } : {}),
    ...(responsesOf(checks) ? { responses: responsesOf(checks)! } : {}),
    checks: checks.map(reportedCheck),
  }
}

/**
 * An unexpired entry turns a failure into `known-failure`; any entry turns a pass into `unexpected-pass`. An
 * expired entry excuses nothing (the failure stays `failed`) and fails the run (see gateOf).
 */
function applyExpectation(result: RequirementResult, entry: (KnownFailure & { expired: boolean }) | undefined): RequirementResult {
  if (!entry) return result
  const withEntry = { ...result, expectation: entry }
  if (result.status === 'failed' && !entry.expired) return { ...withEntry, status: 'known-failure' }
  if (result.status === 'passed') return { ...withEntry, status: 'unexpected-pass' }
  return withEntry
}

function verdictOf(results: readonly RequirementResult[], runErrors: readonly string[]): Verdict {
  const notMet = (r: RequirementResult) => r.status === 'failed' || r.status === 'known-failure'
  if (results.some((r) => r.level === 'must' && notMet(r))) return 'NOT CONFORMANT'
  if (runErrors.length > 0 || results.some((r) => r.level === 'must' && (r.status === 'error' || r.status === 'skipped'))) return 'INCOMPLETE'
  if (results.some(notMet)) return 'CONFORMANT WITH WARNINGS'
  return 'CONFORMANT'
}

/** The levels whose failures fail the run at a gate level. `may` never does. */
export function gatedLevels(level: GateLevel): readonly Level[] {
  return level === 'should' ? ['must', 'should'] : ['must']
}

/** Whether this requirement's status fails the run at this level. */
export function failsGate(r: Pick<RequirementResult, 'level' | 'status' | 'expectation'>, level: GateLevel): boolean {
  if (r.expectation?.expired) return true
  return r.status === 'failed' && gatedLevels(level).includes(r.level)
}

/**
 * 1: a requirement at the gate level failed (not excused), or an expectation entry expired. 2: the run could not
 * judge a gated requirement (setup failure, not run) or a suite file did not load. 0 otherwise.
 */
function gateOf(results: readonly RequirementResult[], runErrors: readonly string[], level: GateLevel, expectFile: string | undefined, interrupted?: 'SIGINT' | 'SIGTERM'): Gate {
  const gated = gatedLevels(level)
  const reasons: string[] = []
  if (interrupted) reasons.push(`the run was interrupted (${interrupted}) before every check had run`)
  const failing = results.filter((r) => r.status === 'failed' && gated.includes(r.level))
  for (const r of failing) reasons.push(`${r.id} (${r.level}) failed${r.expectation?.expired ? `; its known-failure entry expired on ${r.expectation.expires}` : ''}`)
  const expired = results.filter((r) => r.expectation?.expired && !failing.includes(r))
  for (const r of expired) reasons.push(`${r.id}: the known-failure entry in ${expectFile} expired on ${r.expectation!.expires}; renew or remove it`)
  const unjudged = results.filter((r) => gated.includes(r.level) && (r.status === 'error' || r.status === 'skipped'))
  const incomplete = unjudged.length > 0 || runErrors.length > 0
  if (failing.length === 0 && incomplete && interrupted) {
    if (unjudged.length > 0) reasons.push(`${unjudged.length} ${unjudged.length === 1 ? 'requirement was' : 'requirements were'} not judged before the interrupt`)
  } else if (failing.length === 0 && incomplete) {
    for (const r of unjudged) reasons.push(`${r.id} (${r.level}) ${r.status === 'error' ? 'could not be judged' : 'did not run'}`)
    for (const e of runErrors) reasons.push(`run error: ${e}`)
  }
  const exitCode: GateExitCode = interrupted ? interruptExitCode(interrupted) : failing.length > 0 ? 1 : incomplete ? 2 : expired.length > 0 ? 1 : 0
  const notes: string[] = []
  for (const r of results.filter((x) => x.status === 'known-failure')) notes.push(`${r.id} (${r.level}) is a known failure until ${r.expectation!.expires}: ${r.expectation!.reason}`)
  for (const r of results.filter((x) => x.status === 'unexpected-pass' && !x.expectation?.expired)) notes.push(`${r.id} passed although ${expectFile} lists it: remove the entry`)
  for (const r of results.filter((x) => x.status === 'failed' && !gated.includes(x.level))) {
    notes.push(`${r.id} (${r.level}) failed; not gated at level ${level}${r.level === 'should' ? ' (--level should would fail the run)' : ''}`)
  }
  return { passed: exitCode === 0, exitCode, reasons, notes }
}

/** 0: the gate passed. 1: a gated requirement failed or an expectation expired. 2: the run could not judge. 130/143: interrupted. */
export function exitCodeOf(report: RunReport): GateExitCode {
  return report.gate.exitCode
}

/** The exit status of a process stopped by this signal, as a shell reports it (128 + the signal's number). */
export function interruptExitCode(signal: 'SIGINT' | 'SIGTERM'): 130 | 143 {
  return signal === 'SIGINT' ? 130 : 143
}

function transientSummary(checks: readonly CheckResult[]): TransientSummary {
  const summary: TransientSummary = { rateLimited: 0, faults: {}, reruns: 0, waitedMs: 0, checks: 0 }
  for (const c of checks) {
    if (!c.transient) continue
    summary.checks++
    summary.rateLimited += c.transient.rateLimited
    summary.reruns += c.transient.reruns.length
    summary.waitedMs += c.transient.waitedMs
    for (const [what, n] of Object.entries(c.transient.faults)) summary.faults[what] = (summary.faults[what] ?? 0) + n
  }
  return summary
}

function settleSummary(checks: readonly CheckResult[], settleMs: number): SettleSummary {
  const summary: SettleSummary = { settleMs, checks: 0, reads: 0, delayed: 0, polls: 0, waitedMs: 0, longestMs: 0, unsettled: 0 }
  for (const c of checks) {
    if (!c.settle) continue
    summary.checks++
    summary.reads += c.settle.reads
    summary.delayed += c.settle.delayed
    summary.polls += c.settle.polls
    summary.waitedMs += c.settle.waitedMs
    summary.longestMs = Math.max(summary.longestMs, c.settle.longestMs)
    summary.unsettled += c.settle.unsettled
  }
  return summary
}

/**
 * A stateless target (a mock that answers from examples and stores nothing) fails dozens of requirements for one
 * reason: said once, at the top, instead of leaving the reader to find it in every failure.
 */
function runWarnings(checks: readonly CheckResult[]): string[] {
  const looked = checks.filter((c) => (c.visibility?.expected ?? 0) > 0)
  const blind = looked.filter((c) => (c.visibility?.missing ?? 0) > 0)
  if (looked.length < 4 || blind.length * 2 < looked.length) return []
  return [
    `${blind.length} of ${looked.length} checks never saw the messages they had just created in a list (each under a SID of its own, with its body): the target looks stateless ` +
      '(a mock that answers from examples and stores nothing?). Many failures below follow from that one cause: make created messages show up first.',
  ]
}
