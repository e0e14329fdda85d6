import { byArea, detailsText, expectationLine, failsRun, seconds, selectionLine, settleLine, transientLine, verdictText } from './presentation.ts'
import { gatedLevels, type RequirementResult, type RunReport } from './run-report.ts'

/**
 * JUnit XML for CI (Jenkins, GitLab, GitHub test reporters): `testsuites > testsuite > testcase`, one testsuite per
 * area (`msg.create`), one testcase per requirement (name = ID, classname = `msg.<area>`).
 *
 * A testcase is red only when the requirement fails the run, so CI is as red as the exit status:
 * - fails the gate (a `must` failure; a `should` failure with `--level should`; an expired expectation): `<failure>`
 * - setup failure of a gated requirement: `<error>`; of an ungated one (`should` at level must): `<skipped>`
 * - known failure (expectations file): `<skipped message="known failure …">` (as pytest does for xfail)
 * - an ungated failure (`should` at level must, `may`) and an unexpected pass: passed, with a `<system-out>` note
 * - not run: `<skipped>`
 * The evidence (HTTP transcript, counterexample) is the text of the failure/error element, or the system-out.
 * Suite-level problems (a check file that did not load; an interrupt; gated requirements that did not run) are a
 * testsuite `conformance.run` of `<error>` testcases, so a run that did not complete is red in CI.
 */
export function renderJunit(report: RunReport): string {
  const suites: string[] = []
  let totals = { tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 }
  const properties = [
    ['target', report.target.url + (report.target.embedded ? ' (embedded reference server)' : '')],
    ['verdict', verdictText(report)],
    ['selection', selectionLine(report)],
    ...(report.interrupted ? [['interrupted', report.interrupted]] : []),
    ...report.warnings.map((w) => ['warning', w]),
    ...[transientLine(report), settleLine(report)].filter((l): l is string => l !== undefined).map((l) => ['production-conditions', l]),
    ['gate', `${report.gate.passed ? 'passed' : 'failed'} (exit ${report.gate.exitCode})`],
    ['level', report.level],
    ['seed', String(report.seed)],
    ['profile', report.profile],
    ['suite', `${report.suite.name} ${report.suite.version}`],
    ...(report.expectations ? [['expectations', report.expectations.file]] : []),
  ]
  const propsXml = `    <properties>\n${properties.map(([n, v]) => `      <property name="${attr(n!)}" value="${attr(v!)}"/>`).join('\n')}\n    </properties>\n`
  const groups: Array<[string, Case[]]> = byArea(report.results).map(([area, rs]) => [`msg.${area}`, rs.map((r) => testcase(r, report))])
  const runCases = [
    ...incompleteCases(report),
    ...report.runErrors.map((e, i) => runErrorCase(`run error ${i + 1}`, firstLine(e), 'run-error', e)),
  ]
  if (runCases.length > 0) groups.push(['conformance.run', runCases])
  for (const [name, cases] of groups) {
    const c = {
      tests: cases.length,
      failures: cases.filter((x) => x.kind === 'failure').length,
      errors: cases.filter((x) => x.kind === 'error').length,
      skipped: cases.filter((x) => x.kind === 'skipped').length,
      time: cases.reduce((n, x) => n + x.ms, 0),
    }
    totals = { tests: totals.tests + c.tests, failures: totals.failures + c.failures, errors: totals.errors + c.errors, skipped: totals.skipped + c.skipped, time: totals.time + c.time }
    suites.push(
      `  <testsuite name="${attr(name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(c.time)}" timestamp="${attr(junitTimestamp(report.startedAt))}">\n` +
        propsXml +
        cases.map((x) => x.xml).join('') +
        '  </testsuite>\n',
    )
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${attr(`Twilio Conversations Message conformance: ${report.target.url}`)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${seconds(report.durationMs)}" timestamp="${attr(junitTimestamp(report.startedAt))}">\n` +
    suites.join('') +
    '</testsuites>\n'
  )
}

/**
 * A run that did not judge everything it gates on must not look green: the checks it could not judge are skipped
 * testcases, which CI reporters count as passed. One `<error>` names why: the interrupt, or the requirements that did
 * not run (a setup error is already an error of its own).
 */
function incompleteCases(report: RunReport): Case[] {
  const gated = gatedLevels(report.level)
  const unjudged = report.results.filter((r) => gated.includes(r.level) && r.status === 'skipped')
  const list = unjudged.map((r) => `${r.id}: ${r.message}`).join('\n')
  if (report.interrupted) {
    const message = `the run was interrupted by ${report.interrupted} (exit ${report.gate.exitCode}); ${unjudged.length} gated ${unjudged.length === 1 ? 'requirement was' : 'requirements were'} not judged`
    return [runErrorCase('interrupted', message, 'interrupted', list ? `${message}:\n${list}` : message)]
  }
  if (unjudged.length === 0 || report.gate.passed) return []
  const message = `${unjudged.length} gated ${unjudged.length === 1 ? 'requirement' : 'requirements'} could not be judged (exit ${report.gate.exitCode})`
  return [runErrorCase('not judged', message, 'not-judged', `${message}:\n${list}`)]
}

function runErrorCase(name: string, message: string, type: string, body: string): Case {
  return { kind: 'error', xml: `    <testcase name="${attr(name)}" classname="conformance.run" time="0">\n      <error message="${attr(message)}" type="${attr(type)}">${text(body)}</error>\n    </testcase>\n`, ms: 0 }
}

interface Case {
  kind: 'passed' | 'failure' | 'error' | 'skipped'
  xml: string
  ms: number
}

function testcase(r: RequirementResult, report: RunReport): Case {
  const ms = r.checks.reduce((n, c) => n + c.durationMs, 0)
  const open = `    <testcase name="${attr(r.id)}" classname="msg.${attr(r.area)}" time="${seconds(ms)}">\n`
  const close = '    </testcase>\n'
  const gated = gatedLevels(report.level).includes(r.level)
  const details = detailsText(r)
  const out = (body: string) => (body ? `      <system-out>${text(body)}</system-out>\n` : '')
  const el = (tag: string, message: string, type: string, body: string) => `      <${tag} message="${attr(message)}" type="${attr(type)}">${text(body)}</${tag}>\n`
  if (failsRun(r, report)) {
    const message = r.expectation?.expired && r.status !== 'failed' ? expectationLine(r)! : r.message
    return { kind: 'failure', xml: open + el('failure', message, r.level, details) + close, ms }
  }
  if (r.status === 'error') {
    if (gated) return { kind: 'error', xml: open + el('error', r.message, 'setup-error', details) + close, ms }
    return { kind: 'skipped', xml: open + `      <skipped message="${attr(`setup error (${r.level}, not gated at level ${report.level}): ${r.message}`)}"/>\n` + out(details) + close, ms }
  }
  if (r.status === 'known-failure') {
    return { kind: 'skipped', xml: open + `      <skipped message="${attr(expectationLine(r)!)}"/>\n` + out(details) + close, ms }
  }
  if (r.status === 'skipped') return { kind: 'skipped', xml: open + `      <skipped message="${attr(r.message)}"/>\n` + close, ms }
  if (r.status === 'failed') {
    // Ungated: a should at level must, or a may. Reported, not red.
    const warning = `WARNING: ${r.level} requirement failed (not gated at level ${report.level})\n${details}`
    return { kind: 'passed', xml: open + out(warning) + close, ms }
  }
  const notes = [...(r.status === 'unexpected-pass' ? [`UNEXPECTED PASS: ${expectationLine(r)}`] : []), ...r.observations.map((o) => `observed: ${o}`)]
  return { kind: 'passed', xml: open + out(notes.join('\n')) + close, ms }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? ''
}

/** Characters XML 1.0 cannot carry at all (NUL, most C0 controls, lone surrogates) become U+FFFD. */
function xmlSafe(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
}

function text(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}

/** JUnit's timestamp: ISO 8601 without fraction or zone (the run's UTC time). */
function junitTimestamp(iso: string): string {
  return iso.replace(/(\.\d+)?Z$/, '')
}
