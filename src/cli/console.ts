import pc from 'picocolors'
import {
  adaptationLine,
  byArea,
  checkLabel,
  counterexampleText,
  countsByLevel,
  exchangeText,
  expectationLine,
  failingChecks,
  failsRun,
  needsDetails,
  plural,
  selectionLine,
  settleLine,
  STATUS_LABEL,
  transientLine,
  verdictText,
} from '../report/presentation.ts'
import type { RequirementResult, RequirementStatus, RunReport } from '../report/run-report.ts'
import { type CommandHint, commandLine, envNote, PLAIN_HINT, rerunCommand } from '../run/command.ts'

/** `quiet`: the failures and the verdict only. `verbose`: also observations and the evidence of every failure. */
export type ConsoleMode = 'quiet' | 'normal' | 'verbose'

const MARK: Record<RequirementStatus, string> = {
  passed: pc.green('✓'),
  failed: pc.red('✗'),
  'known-failure': pc.yellow('✗'),
  'unexpected-pass': pc.yellow('✓'),
  error: pc.yellow('!'),
  skipped: pc.dim('-'),
}

/**
 * The summary after a run: one line per requirement grouped by operation (area), the failure under each failed
 * one, then the verdict, counts by level and the gate. Colours come from picocolors (off with NO_COLOR or when not
 * a terminal).
 */
export function printRunSummary(report: RunReport, out: NodeJS.WritableStream = process.stdout, mode: ConsoleMode = 'normal', hint: CommandHint = PLAIN_HINT): void {
  const w = (s = '') => out.write(`${s}\n`)
  for (const warning of report.warnings) w(pc.yellow(pc.bold(`warning: ${warning}`)))
  if (mode === 'quiet') {
    // Every requirement that did not pass is named, should-level failures too: quiet is short, never silent.
    for (const r of report.results.filter((x) => x.status === 'failed' || x.status === 'error' || failsRun(x, report))) {
      w(`${mark(r, report)} ${levelTag(r)} ${r.id}  ${colourMessage(r, report, 240)}`)
    }
  } else {
    for (const [area, rs] of byArea(report.results)) {
      w()
      w(`${pc.bold(area)}  ${pc.dim(areaCounts(rs))}`)
      for (const r of rs) requirementLines(r, report, mode, w)
    }
    for (const e of report.runErrors) w(pc.red(`\nrun error: ${e}`))
    w()
  }
  const verdictColour = report.verdict === 'CONFORMANT' ? pc.green : report.verdict === 'NOT CONFORMANT' ? pc.red : pc.yellow
  w(`${verdictColour(pc.bold(verdictText(report)))}  target ${report.target.url}${report.target.embedded ? ' (embedded reference server)' : ''}`)
  if (report.selection.partial || report.expectations || report.level === 'should') w(pc.yellow(selectionLine(report)))
  if (mode === 'quiet') {
    if (!report.gate.passed) w(pc.red(`gate failed (exit ${report.gate.exitCode}, level ${report.level})`))
    if (report.verdict === 'INCOMPLETE') for (const line of nextSteps(report, hint)) w(pc.yellow(line))
    return
  }
  const s = report.summary
  const extra = [s.knownFailure ? plural(s.knownFailure, 'known failure') : '', s.unexpectedPass ? plural(s.unexpectedPass, 'unexpected pass', 'unexpected passes') : ''].filter(Boolean).join(', ')
  w(
    `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.error} setup errors${extra ? `, ${extra}` : ''}` +
      `  (${plural(s.total, 'requirement')}, ${plural(report.requests, 'request')}, ${(report.durationMs / 1000).toFixed(1)} s)`,
  )
  w(pc.dim(countsByLevel(report).map((c) => `${c.level}: ${c.passed + c['unexpected-pass']}/${c.total} passed`).join(' · ')))
  for (const line of [transientLine(report), settleLine(report), adaptationLine(report)]) if (line) w(pc.dim(line))
  if (report.gate.passed) w(`${pc.green('gate passed')} ${pc.dim(`(exit 0, level ${report.level})`)}`)
  else w(`${pc.red(pc.bold('gate failed'))} ${pc.dim(`(exit ${report.gate.exitCode}, level ${report.level})`)}`)
  const shown = mode === 'verbose' ? Infinity : 10
  for (const reason of report.gate.reasons.slice(0, shown)) w(pc.red(`  - ${reason}`))
  if (report.gate.reasons.length > shown) w(pc.red(`  - … and ${report.gate.reasons.length - shown} more (listed above)`))
  for (const note of report.gate.notes.slice(0, shown)) w(pc.dim(`  - ${note}`))
  if (report.gate.notes.length > shown) w(pc.dim(`  - … and ${report.gate.notes.length - shown} more notes`))
  // A replay's inputs are its recording's: a seed to give again would be a second way to say it.
  if (!replaying(hint)) w(pc.dim(`seed ${report.seed} (the same inputs again: --seed ${report.seed})`))
  if (report.verdict === 'INCOMPLETE') for (const line of nextSteps(report, hint)) w(pc.yellow(line))
}

const replaying = (hint: CommandHint) => hint.target[0] === '--replay'

/** What to try after a run that could not judge everything: the first setup error with its request and answer, and how to see more. */
export function nextSteps(report: RunReport, hint: CommandHint = PLAIN_HINT): string[] {
  const env = envNote(hint)
  const withEnv = (line: string) => (env ? [line, `    ${env}`] : [line])
  if (report.interrupted) {
    const again = commandLine(hint, [...report.selection.prefixes, ...(replaying(hint) ? [] : ['--seed', String(report.seed), ...hint.inputs])])
    return [`next: the run was stopped by ${report.interrupted}; ${replaying(hint) ? 'replay' : 'run'} it again to judge the rest:`, ...withEnv(`  ${again}`)]
  }
  const first = report.results.find((r) => r.status === 'error')
  const lines = ['next:']
  if (first) {
    const check = first.checks.find((c) => c.status === 'error')
    const ev = check?.evidence?.at(-1)
    lines.push(`  the first check that could not judge: ${first.id}${check?.scope ? ` [${check.scope}]` : ''}: ${check?.message ?? first.message}`)
    if (ev) lines.push(`  its last exchange: ${ev.method} ${ev.path} → ${ev.status} ${ev.responseBody.replace(/\s+/g, ' ').slice(0, 160)}`)
  } else if (report.runErrors[0]) lines.push(`  the first run error: ${report.runErrors[0]}`)
  lines.push(...withEnv(`  see every request and answer: ${first ? rerunCommand(hint, first.id, report.seed, ['--verbose']) : commandLine(hint, ['--verbose'])}`))
  // A replay answers from its cassettes: how fast the target was is in the recording, not something to change now.
  if (replaying(hint)) return lines
  if (report.results.some((r) => /ran out of time/.test(r.message))) lines.push('  a slow target: raise --timeout, or use --profile live (longer check limits)')
  if (report.results.some((r) => /rate limited/.test(r.message))) lines.push('  a rate-limited target: use --profile live, or run fewer requirements at a time')
  return lines
}

function requirementLines(r: RequirementResult, report: RunReport, mode: ConsoleMode, w: (s?: string) => void): void {
  w(`  ${mark(r, report)} ${levelTag(r)} ${r.id}  ${pc.dim(r.summary)}`)
  // Verbose shows each failing check's message with its evidence below, so the requirement's (the first check's) is not repeated.
  if (needsDetails(r) && (mode !== 'verbose' || failingChecks(r).length === 0)) w(`      ${colourMessage(r, report, 240)}`)
  const exp = expectationLine(r)
  if (exp) w(`      ${r.expectation?.expired ? pc.red(exp) : pc.yellow(exp)}`)
  if (!needsDetails(r)) {
    // nothing more to show for a pass
  } else if (mode === 'verbose') {
    for (const c of failingChecks(r)) {
      const line = `      ${checkLabel(c)}${c.status === 'error' ? ' (setup error)' : ''}: ${c.message ?? c.status}`
      w(failsRun(r, report) ? pc.red(line) : pc.yellow(line))
      if (c.counterexample) w(indent(counterexampleText(c.counterexample), 8, pc.yellow))
      for (const e of c.evidence ?? []) w(indent(exchangeText(e), 8, pc.dim))
    }
  } else {
    // The first counterexample is enough to replay; --verbose shows every check's.
    const c = failingChecks(r).find((x) => x.counterexample)
    if (c?.counterexample) w(indent(`[${c.scope ?? c.name}] ${counterexampleText(c.counterexample)}`, 6, pc.yellow))
  }
  if (mode === 'verbose') for (const o of r.observations) w(pc.dim(`      observed: ${o}`))
}

function mark(r: RequirementResult, report: RunReport): string {
  if (r.status === 'failed' && !failsRun(r, report)) return pc.yellow('✗')
  return MARK[r.status]
}

function colourMessage(r: RequirementResult, report: RunReport, limit = Infinity): string {
  const text = r.message.length > limit ? `${r.message.slice(0, limit)}… (--verbose shows all)` : r.message
  return failsRun(r, report) ? pc.red(text) : pc.yellow(text)
}

function areaCounts(rs: readonly RequirementResult[]): string {
  const counts = new Map<string, number>()
  for (const r of rs) counts.set(STATUS_LABEL[r.status], (counts.get(STATUS_LABEL[r.status]) ?? 0) + 1)
  return [...counts].map(([s, n]) => `${n} ${s}`).join(', ')
}

function indent(text: string, n: number, colour: (s: string) => string): string {
  return text
    .split('\n')
    .map((l) => colour(' '.repeat(n) + l))
    .join('\n')
}

function levelTag(r: RequirementResult): string {
  const tag = r.level.padEnd(6)
  return r.level === 'must' ? pc.bold(tag) : pc.dim(tag)
}
