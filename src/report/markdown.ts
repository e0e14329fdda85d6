import {
  byArea,
  checkLabel,
  counterexampleText,
  countsByLevel,
  exchangeText,
  expectationLine,
  failingChecks,
  failsRun,
  gateLine,
  needsDetails,
  selectionLine,
  settleLine,
  STATUS_LABEL,
  transientLine,
  verdictText,
} from './presentation.ts'
import type { RequirementResult, RequirementStatus, RunReport } from './run-report.ts'

/**
 * The verdict and the table in Markdown, short enough for a pull-request comment (GitHub: 65,536 characters) or a
 * CI step summary: the header and counts, then every requirement that did not pass, with its evidence inside a
 * `<details>` block, then the passes collapsed. Evidence stops being included once the text passes a budget; the
 * JSON and HTML reports always carry all of it.
 */
export const MARKDOWN_BUDGET = 40_000
/** Per exchange transcript; the JSON and HTML reports carry the whole (already cut at 2,000 characters) body. */
const TRANSCRIPT_LIMIT = 1_500

const ICON: Record<RequirementStatus, string> = {
  passed: '✅',
  failed: '❌',
  'known-failure': '⚠️',
  'unexpected-pass': '❔',
  error: '🚧',
  skipped: '⏭️',
}

export function renderMarkdown(report: RunReport): string {
  const out: string[] = []
  const verdictIcon = report.verdict === 'CONFORMANT' ? '✅' : report.verdict === 'NOT CONFORMANT' ? '❌' : '⚠️'
  out.push(`## ${verdictIcon} ${esc(verdictText(report))}: Twilio Conversations Message API`, '')
  if (report.selection.partial) out.push(`> **Partial run:** ${esc(selectionLine(report))}. Not a verdict on the target as a whole.`, '')
  for (const w of report.warnings) out.push(`> ⚠️ ${esc(w)}`, '')
  if (report.interrupted) out.push(`> Interrupted by ${report.interrupted}: the checks that had not finished were not judged.`, '')
  out.push(
    `Target ${code(report.target.url)}${report.target.embedded ? ' (embedded reference server)' : ''} · ${esc(report.startedAt)} · ` +
      `${esc(report.suite.name)} ${esc(report.suite.version)} · seed ${report.seed} · profile ${esc(report.profile)} · **${esc(gateLine(report))}**`,
    '',
  )
  if (report.expectations) out.push(`Expectations: ${code(report.expectations.file)} (${esc(report.expectations.target)}, ${report.expectations.entries} entries)`, '')
  if (!report.selection.partial && (report.level === 'should' || report.expectations)) out.push(`What counts: ${esc(selectionLine(report))}`, '')
  for (const line of [transientLine(report), settleLine(report)]) if (line) out.push(`${esc(line)}`, '')
  const statuses = (Object.keys(STATUS_LABEL) as RequirementStatus[]).filter((s) => report.results.some((r) => r.status === s))
  out.push(`| level | ${statuses.map((s) => `${ICON[s]} ${STATUS_LABEL[s]}`).join(' | ')} | total |`, `|---|${statuses.map(() => '---:|').join('')}---:|`)
  for (const row of countsByLevel(report)) out.push(`| ${row.level} | ${statuses.map((s) => row[s]).join(' | ')} | ${row.total} |`)
  out.push('')
  const attention = report.results.filter((r) => needsDetails(r) || r.status === 'unexpected-pass')
  // Lines about a requirement in the table below would only repeat it.
  const inTable = new Set(attention.map((r) => r.id))
  const aboutOthers = (line: string) => !inTable.has(/^msg\.[a-z0-9-]+\.[a-z0-9-]+/.exec(line)?.[0] ?? '')
  const reasons = report.gate.reasons.filter(aboutOthers)
  const notes = report.gate.notes.filter(aboutOthers)
  for (const reason of reasons) out.push(`- ❌ ${esc(reason)}`)
  for (const note of notes) out.push(`- ℹ️ ${esc(note)}`)
  if (reasons.length + notes.length > 0) out.push('')

  if (attention.length > 0) {
    out.push(`### Needs attention (${attention.length})`, '', '| | ID | level | operation | result |', '|---|---|---|---|---|')
    for (const r of attention) {
      const icon = failsRun(r, report) ? '❌' : r.status === 'failed' ? '⚠️' : ICON[r.status]
      out.push(`| ${icon} | [${code(r.id)}](${r.ref}) | ${r.level} | ${esc(r.area)} | ${cell(`${STATUS_LABEL[r.status]}: ${r.message}`)} |`)
    }
    out.push('')
    let used = out.join('\n').length
    let omitted = 0
    for (const r of attention.filter(needsDetails)) {
      const block = detailsBlock(r)
      if (used + block.length > MARKDOWN_BUDGET) {
        omitted++
        continue
      }
      out.push(block)
      used += block.length
    }
    if (omitted > 0) out.push(`_Evidence of ${omitted} more requirement${omitted === 1 ? '' : 's'} left out to keep this short: see the JSON or HTML report._`, '')
  }

  const passed = report.results.filter((r) => r.status === 'passed')
  if (passed.length > 0) {
    out.push(`<details><summary>${passed.length} requirement${passed.length === 1 ? '' : 's'} passed</summary>`, '')
    for (const [area, rs] of byArea(passed)) out.push(`- **${esc(area)}**: ${rs.map((r) => code(r.id)).join(', ')}`)
    out.push('', '</details>', '')
  }
  const skipped = report.results.filter((r) => r.status === 'skipped')
  if (skipped.length > 0) out.push(`Not run: ${skipped.map((r) => code(r.id)).join(', ')}`, '')
  for (const e of report.runErrors) out.push(`- 🚧 run error: ${esc(e)}`)
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

function detailsBlock(r: RequirementResult): string {
  const lines = [`<details><summary><code>${html(r.id)}</code> (${r.level}): ${html(STATUS_LABEL[r.status])}</summary>`, '']
  lines.push(`**Requirement:** ${esc(r.summary)} ([doc](${r.ref}), ${r.source})`, '')
  if (failingChecks(r).length === 0) lines.push(`**Result:** ${esc(r.message)}`, '')
  const exp = expectationLine(r)
  if (exp) lines.push(`**Expectation:** ${esc(exp)}`, '')
  for (const c of failingChecks(r)) {
    lines.push(`**${esc(checkLabel(c))}:** ${esc(c.message ?? c.status)}`, '')
    if (c.counterexample) lines.push(fence(counterexampleText(c.counterexample)), '')
    for (const e of c.evidence ?? []) lines.push(fence(cut(exchangeText(e)), 'http'), '')
  }
  lines.push('</details>', '')
  return lines.join('\n')
}

function cut(s: string): string {
  return s.length <= TRANSCRIPT_LIMIT ? s : `${s.slice(0, TRANSCRIPT_LIMIT)}\n… [cut here: ${s.length - TRANSCRIPT_LIMIT} more characters in the JSON and HTML reports]`
}

/** A fenced block whose fence is longer than any backtick run inside, so nothing can close it early. */
function fence(s: string, lang = ''): string {
  const longest = Math.max(2, ...[...s.matchAll(/`+/g)].map((m) => m[0].length))
  const f = '`'.repeat(longest + 1)
  return `${f}${lang}\n${s}\n${f}`
}

/** Inline code that cannot be broken out of (server text goes through esc instead). */
function code(s: string): string {
  return `<code>${html(s)}</code>`
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Text from the server or the catalogue as inert Markdown: HTML escaped, Markdown punctuation backslashed, one line. */
function esc(s: string): string {
  return html(s)
    .replace(/[\\`*_[\]{}()#+!|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ')
}

function cell(s: string): string {
  return s.length > 160 ? `${esc(s.slice(0, 160))}…` : esc(s)
}
