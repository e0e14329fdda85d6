/**
 * `conformance diff` as text: lines for the console, and Markdown for an issue body or `$GITHUB_STEP_SUMMARY`
 * (the JSON is the RunDiff itself).
 */
import type { LatencyChange, ResponsesChange, RunDiff } from './diff.ts'

const ms = (n: number | undefined) => (n === undefined ? '–' : `${n}`)
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`)

/** "12 / 30 → 14 / 41 ms (+2 / +11)" for one operation. */
function latencyText(l: LatencyChange): string {
  const { before: b, after: a } = l
  const change = b && a ? ` (${signed(a.p50 - b.p50)} / ${signed(a.p95 - b.p95)})` : ''
  return `${ms(b?.p50)} / ${ms(b?.p95)} → ${ms(a?.p50)} / ${ms(a?.p95)} ms${change}`
}

function responsesText(r: ResponsesChange): string {
  return [...r.removed.map((x) => `−${x}`), ...r.added.map((x) => `+${x}`)].join(', ')
}

/** The one line a reader needs first. */
export function diffHeadline(d: RunDiff): string {
  const parts = [
    d.regressions.length > 0 ? `${d.regressions.length} must regressed` : 'no must regressed',
    `${d.statuses.length} status${d.statuses.length === 1 ? '' : 'es'} changed`,
    `${d.readings.length} reading${d.readings.length === 1 ? '' : 's'} changed`,
    `${d.properties.new.length} new propert${d.properties.new.length === 1 ? 'y' : 'ies'}`,
    `${d.properties.gone.length} documented no longer seen`,
    `${d.responses.length} requirement${d.responses.length === 1 ? '' : 's'} with other statuses or codes`,
  ]
  return `diff: ${parts.join(', ')}`
}

export function renderDiffLines(d: RunDiff): string[] {
  const lines = [`conformance diff: ${d.before.file} (${d.before.startedAt}, ${d.before.verdict}) → ${d.after.file} (${d.after.startedAt}, ${d.after.verdict})`]
  for (const n of d.notes) lines.push(`note: ${n}`)
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return
    lines.push('', title, ...rows.map((r) => `  ${r}`))
  }
  section(
    'status changed:',
    d.statuses.map((s) => `${s.regression ? '✗' : '·'} ${s.level.padEnd(6)} ${s.id}: ${s.before} → ${s.after}${s.regression ? '  (regression)' : ''}`),
  )
  section('reading changed:', d.readings.map((r) => `${r.id}  ${r.name}: ${r.before ?? '(none)'} → ${r.after ?? '(none)'}`))
  section('new properties (the schemas do not know them):', d.properties.new)
  section('documented properties no longer seen:', d.properties.gone)
  section('statuses and error codes changed:', d.responses.map((r) => `${r.id}: ${responsesText(r)}`))
  section('latency p50 / p95:', d.latency.map((l) => `${l.operation.padEnd(7)} ${latencyText(l)}`))
  lines.push('', diffHeadline(d))
  return lines
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``

export function renderDiffMarkdown(d: RunDiff): string {
  const out: string[] = [`## Conformance: what changed`, '']
  out.push(`${d.regressions.length > 0 ? '**A `must` requirement regressed.**' : d.changed ? 'Something changed; no `must` requirement regressed.' : 'Nothing changed but latency.'}`, '')
  out.push(`| | report | started | verdict |`, `|---|---|---|---|`)
  out.push(`| before | ${code(d.before.file)} | ${d.before.startedAt} | ${d.before.verdict} |`, `| after | ${code(d.after.file)} | ${d.after.startedAt} | ${d.after.verdict} |`, '')
  for (const n of d.notes) out.push(`> note: ${cell(n)}`, '')
  const table = (title: string, head: string[], rows: string[][]) => {
    if (rows.length === 0) return
    out.push(`### ${title}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '')
  }
  table('Status changed', ['requirement', 'level', 'before', 'after'], d.statuses.map((s) => [`${s.regression ? '❌ ' : ''}${code(s.id)}`, s.level, s.before, s.after]))
  table('Reading changed', ['requirement', 'reading', 'before', 'after'], d.readings.map((r) => [code(r.id), r.name, r.before ?? '(none)', r.after ?? '(none)']))
  table('Properties', ['property', 'change'], [...d.properties.new.map((p) => [code(p), 'new: the schemas do not know it']), ...d.properties.gone.map((p) => [code(p), 'documented, no longer seen'])])
  table('Statuses and error codes', ['requirement', 'no longer seen', 'seen now'], d.responses.map((r) => [code(r.id), r.removed.join(', ') || '–', r.added.join(', ') || '–']))
  table('Latency (ms)', ['operation', 'p50 before', 'p50 after', 'p95 before', 'p95 after'], d.latency.map((l) => [l.operation, ms(l.before?.p50), ms(l.after?.p50), ms(l.before?.p95), ms(l.after?.p95)]))
  out.push(diffHeadline(d))
  return out.join('\n') + '\n'
}
