import { envNote } from '../run/command.ts'
import type { CheckResult, Counterexample, EvidenceExchange } from '../run/results.ts'
import { failsGate, type GateLevel, type RequirementResult, type RequirementStatus, type RunReport } from './run-report.ts'

/**
 * What every renderer (console, JUnit, HTML, Markdown) says the same way: status words, the evidence of a failure
 * as an HTTP transcript, a counterexample with its replay command. Renderers only escape for their medium.
 */

export const STATUS_LABEL: Record<RequirementStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  'known-failure': 'known failure',
  'unexpected-pass': 'unexpected pass',
  error: 'setup error',
  skipped: 'skipped',
}

/** Statuses whose details (message, evidence) a reader needs to see. */
export function needsDetails(r: RequirementResult): boolean {
  return r.status === 'failed' || r.status === 'known-failure' || r.status === 'error' || r.expectation?.expired === true
}

/** Whether the requirement fails the run at the report's gate level. */
export function failsRun(r: RequirementResult, report: Pick<RunReport, 'level'>): boolean {
  return failsGate(r, report.level)
}

/** One line on an expectation entry, if the requirement has one. */
export function expectationLine(r: RequirementResult): string | undefined {
  const e = r.expectation
  if (!e) return undefined
  if (e.expired) return `known-failure entry EXPIRED on ${e.expires} (${e.reason}): renew or remove it`
  if (r.status === 'unexpected-pass') return `listed as a known failure (${e.reason}, until ${e.expires}) but passed: remove the entry`
  return `known failure until ${e.expires}: ${e.reason}`
}

/** The checks behind a requirement that did not pass: the ones with something to show. */
export function failingChecks(r: RequirementResult): CheckResult[] {
  return r.checks.filter((c) => c.status === 'failed' || c.status === 'error')
}

export function checkLabel(c: CheckResult): string {
  return c.scope ? `${c.scope} scope` : c.name
}

/** An exchange as an HTTP transcript: `>` the request, `<` the response. Already redacted and cut. */
export function exchangeText(e: EvidenceExchange): string {
  const lines = [`> ${e.method} ${e.path}`]
  for (const [k, v] of Object.entries(e.requestHeaders)) lines.push(`> ${k}: ${v}`)
  if (e.requestBody !== undefined && e.requestBody !== '') lines.push('>', ...e.requestBody.split('\n').map((l) => `> ${l}`))
  lines.push(`< ${e.status}  (${e.durationMs} ms)`)
  for (const [k, v] of Object.entries(e.responseHeaders)) lines.push(`< ${k}: ${v}`)
  if (e.responseBody !== '') lines.push('<', ...prettyBody(e.responseBody).split('\n').map((l) => `< ${l}`))
  return lines.join('\n')
}

/** JSON bodies indented for reading; anything else as it came. */
function prettyBody(body: string): string {
  if (!/^\s*[{[]/.test(body)) return body
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/**
 * The counterexample and the one command that replays it: with the run's seed (the property's own seed derives from
 * it and the check's name, so it is not a second seed to give), and the credentials by the variables they come from.
 */
export function counterexampleText(c: Counterexample): string {
  const env = envNote({ env: c.env ?? [] })
  return [`counterexample (shrunk, after ${c.runs} run${c.runs === 1 ? '' : 's'}): ${c.value}`, `replay: ${c.replay}`, ...(env ? [`  ${env}`] : [])].join('\n')
}

/** Counts per level, for the certificate's table and the console. */
export function countsByLevel(report: RunReport): Array<{ level: string; total: number } & Record<RequirementStatus, number>> {
  const levels = ['must', 'should', 'may'] as const
  return levels
    .map((level) => {
      const rs = report.results.filter((r) => r.level === level)
      const row = { level, total: rs.length } as { level: string; total: number } & Record<RequirementStatus, number>
      for (const s of Object.keys(STATUS_LABEL) as RequirementStatus[]) row[s] = rs.filter((r) => r.status === s).length
      return row
    })
    .filter((row) => row.total > 0)
}

/** "failed at level must" style line on the gate, for headers. */
export function gateLine(report: RunReport): string {
  const g = report.gate
  return g.passed ? `gate passed (exit 0, level ${report.level})` : `gate FAILED (exit ${g.exitCode}, level ${report.level})`
}

export function levelNote(level: GateLevel): string {
  return level === 'should' ? 'must and should failures fail the run' : 'only must failures fail the run'
}

/** Grouped by area in catalogue order. */
export function byArea(results: readonly RequirementResult[]): Array<[string, RequirementResult[]]> {
  const groups = new Map<string, RequirementResult[]>()
  for (const r of results) groups.set(r.area, [...(groups.get(r.area) ?? []), r])
  return [...groups]
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

/** The plain-text body: what was required, what went wrong, and the evidence of every check that did not pass. */
export function detailsText(r: RequirementResult): string {
  const lines = [`requirement (${r.level}, ${r.source}): ${r.summary}`, `doc: ${r.ref}`, `status: ${STATUS_LABEL[r.status]}`]
  // The requirement's message is its first failing check's, shown below with that check's evidence.
  if (failingChecks(r).length === 0) lines.push(`result: ${r.message}`)
  const exp = expectationLine(r)
  if (exp) lines.push(`expectation: ${exp}`)
  for (const c of failingChecks(r)) {
    lines.push('', `--- ${checkLabel(c)}: ${c.status === 'error' ? 'setup error' : 'failed'}: ${c.message ?? ''}`)
    if (c.counterexample) lines.push(counterexampleText(c.counterexample))
    for (const e of c.evidence ?? []) lines.push('', exchangeText(e))
  }
  if (r.observations.length > 0) lines.push('', ...r.observations.map((o) => `observed: ${o}`))
  return lines.join('\n')
}

/** The verdict as every report shows it: never a bare CONFORMANT for a part of the catalogue. */
export function verdictText(report: Pick<RunReport, 'verdict' | 'selection'>): string {
  const s = report.selection
  if (!s.partial) return report.verdict
  return `${report.verdict} (partial: ${s.requirements} of ${s.catalogue} requirements${s.shard ? `, shard ${s.shard.index}/${s.shard.count}` : ''})`
}

/** What the run judged and what changes what counts, e.g. "6 of 79 requirements selected (msg.delete)". */
export function selectionLine(report: Pick<RunReport, 'selection' | 'level' | 'expectations'>): string {
  const s = report.selection
  const parts = [
    s.partial
      ? `${s.requirements} of ${s.catalogue} requirements selected${s.prefixes.length > 0 ? ` (${s.prefixes.join(' ')})` : ''}${s.shard ? `, shard ${s.shard.index} of ${s.shard.count}` : ''}: a verdict on these only`
      : `all ${s.catalogue} requirements`,
  ]
  if (report.level === 'should') parts.push('should failures fail the run (--level should)')
  if (report.expectations) parts.push(`known failures listed in ${report.expectations.file} do not fail the run`)
  return parts.join('; ')
}

/** "1 read", "2 reads": a count with its noun in the right number. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** The target's transient faults, e.g. "41 requests rate limited (429), 3 transient 503s, 1 check re-run; waited 12.3 s". */
export function transientLine(report: Pick<RunReport, 'transient'>): string | undefined {
  const t = report.transient
  const faults = Object.entries(t.faults).map(([what, n]) => (what === 'no answer' ? plural(n, 'request', 'requests') + ' without an answer' : `${plural(n, `transient ${what}`)}`))
  const parts = [...(t.rateLimited > 0 ? [`${plural(t.rateLimited, 'request')} rate limited (429)`] : []), ...faults, ...(t.reruns > 0 ? [`${plural(t.reruns, 'check')} re-run`] : [])]
  if (parts.length === 0) return undefined
  return `transient faults retried, not judged: ${parts.join(', ')}; waited ${(t.waitedMs / 1000).toFixed(1)} s in ${plural(t.checks, 'check')}`
}

/** How long reads waited for writes to show, e.g. "12 reads waited for a write to show: 4.1 s in all, longest 1.1 s". */
export function settleLine(report: Pick<RunReport, 'settle'>): string | undefined {
  const s = report.settle
  if (s.delayed + s.unsettled === 0) return undefined
  // Each part only when it happened: "0 reads waited …, 10.0 s in all" read as if nothing waited ten seconds.
  const parts = [
    ...(s.delayed > 0 ? [`${plural(s.delayed, 'read')} waited for a write to show`] : []),
    ...(s.unsettled > 0 ? [`${plural(s.unsettled, 'read')} never agreed within ${(s.settleMs / 1000).toFixed(1)} s (judged on the last answer)`] : []),
  ]
  return `settling: ${parts.join('; ')}; ${(s.waitedMs / 1000).toFixed(1)} s waited in all, longest ${(s.longestMs / 1000).toFixed(1)} s`
}

/** How the checks in flight adapted to 429s, e.g. "adapted to the rate limit: 16 → 2 checks at a time after 429s; back to 8". */
export function adaptationLine(report: Pick<RunReport, 'adaptation'>): string | undefined {
  const a = report.adaptation
  if (!a) return undefined
  const end = a.final === a.lowest ? `; stayed at ${a.final}` : a.final >= a.initial ? `; back to ${a.final} (all)` : `; back to ${a.final}`
  return `adapted to the rate limit: ${a.initial} → ${a.lowest} checks at a time after 429s${end} (${plural(a.halvings, 'halving')}, ${plural(a.increases, 'increase')})`
}
