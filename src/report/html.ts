import { createHash } from 'node:crypto'
import {
  byArea,
  checkLabel,
  counterexampleText,
  countsByLevel,
  exchangeText,
  expectationLine,
  failingChecks,
  failsRun,
  levelNote,
  needsDetails,
  selectionLine,
  settleLine,
  STATUS_LABEL,
  transientLine,
  verdictText,
} from './presentation.ts'
import { REQUIREMENT_STATUSES, type RequirementResult, type RunReport } from './run-report.ts'

/**
 * The certificate: one self-contained HTML file (inline CSS and a few lines of inline JS; no fonts, images or
 * scripts from anywhere, and a Content-Security-Policy that forbids loading any). Target, date, suite version,
 * verdict, counts by level, then every requirement with its evidence. Filters (status, operation) need JS; without
 * it every row shows. Printable (`@media print`: filters hidden, every row and all evidence shown).
 *
 * Everything that comes from the server (messages, bodies, headers) and from the user (target URL, expectations) is
 * HTML-escaped: a response body carrying `<script>` renders as text. The CSP allows only the one inline script by
 * its hash, so even a missed escape could not run a script.
 */
export function renderHtml(report: RunReport): string {
  const areas = byArea(report.results).map(([a]) => a)
  const present = REQUIREMENT_STATUSES.filter((s) => report.results.some((r) => r.status === s))
  const verdictClass = report.verdict === 'CONFORMANT' ? 'ok' : report.verdict === 'NOT CONFORMANT' ? 'bad' : 'warn'
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`
  const verdict = verdictText(report)
  const facts: Array<[string, string]> = [
    ['Target', `${report.target.url}${report.target.embedded ? ' (embedded reference server)' : ''}`],
    ...(report.target.account ? [['Account', `${report.target.account}${report.target.credentials ? ` (${report.target.credentials})` : ''}`] as [string, string]] : []),
    ['Selection', selectionLine(report)],
    ['Date', report.startedAt],
    ['Suite', `${report.suite.name} ${report.suite.version}`],
    ['Level', `${report.level}: ${levelNote(report.level)}`],
    ['Gate', `${report.gate.passed ? 'passed' : 'FAILED'} (exit status ${report.gate.exitCode})`],
    ['Profile, seed', `${report.profile}, seed ${report.seed}`],
    ['Requests, time', `${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s`],
    ...(report.interrupted ? [['Interrupted', `by ${report.interrupted}: the checks that had not finished were not judged`] as [string, string]] : []),
    ...[transientLine(report), settleLine(report)].filter((l): l is string => l !== undefined).map((l) => ['Production conditions', l] as [string, string]),
    ...(report.expectations ? [['Expectations', `${report.expectations.file}: ${report.expectations.target} (${report.expectations.entries} entries)`] as [string, string]] : []),
  ]
  const counts = countsByLevel(report)
  const ids = new Set(report.results.map((r) => r.id))
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(`${verdict}: conformance certificate for ${report.target.url}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cert ${verdictClass}">
  <p class="kicker">Conformance certificate · Twilio Conversations v1 · Conversation Message resource</p>
  <h1 id="verdict">${esc(verdict)}</h1>
${report.selection.partial ? `  <p class="partial">A partial run: ${esc(selectionLine(report))}. This is not a certificate of the target as a whole.</p>\n` : ''}${report.warnings.map((w) => `  <p class="warning">${esc(w)}</p>\n`).join('')}
  <dl class="facts">
${facts.map(([k, v]) => `    <div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('\n')}
  </dl>
</header>
<main>
<section aria-labelledby="counts-h">
  <h2 id="counts-h">Requirements by level</h2>
  <table class="counts">
    <thead><tr><th>level</th>${present.map((s) => `<th>${esc(STATUS_LABEL[s])}</th>`).join('')}<th>total</th></tr></thead>
    <tbody>
${counts.map((row) => `      <tr><th>${esc(row.level)}</th>${present.map((s) => `<td class="${row[s] > 0 ? `n st-${s}` : 'n zero'}">${row[s]}</td>`).join('')}<td class="n">${row.total}</td></tr>`).join('\n')}
    </tbody>
  </table>
${listOf('Why the run fails', 'reasons', report.gate.reasons, ids)}${listOf('Notes', 'notes', report.gate.notes, ids)}${listOf('Run errors', 'reasons', report.runErrors, ids)}</section>
<section aria-labelledby="req-h">
  <h2 id="req-h">Every requirement</h2>
  <form id="filters" class="filters" hidden>
    <label>Status <select id="f-status"><option value="">all</option><option value="attention">needs attention</option>${present.map((s) => `<option value="${s}">${esc(STATUS_LABEL[s])}</option>`).join('')}</select></label>
    <label>Operation <select id="f-area"><option value="">all</option>${areas.map((a) => `<option value="${esc(a)}">${esc(a)}</option>`).join('')}</select></label>
    <output id="f-count"></output>
  </form>
  <table id="requirements" class="reqs">
    <thead><tr><th>ID</th><th>level</th><th>source</th><th>requirement</th><th>status</th><th>evidence</th></tr></thead>
    <tbody>
${report.results.map((r) => row(r, report)).join('\n')}
    </tbody>
  </table>
</section>
</main>
<footer>Generated by ${esc(report.suite.name)} ${esc(report.suite.version)} (run report format ${report.formatVersion}). Evidence: secrets redacted, credentials never shown, bodies cut at 2,000 characters.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`
}

/** A list of lines; a line that starts with a requirement ID links to that requirement's row. */
function listOf(title: string, cls: string, items: readonly string[], ids: ReadonlySet<string>): string {
  if (items.length === 0) return ''
  const line = (i: string) => {
    const id = /^msg\.[a-z0-9-]+\.[a-z0-9-]+/.exec(i)?.[0]
    return id && ids.has(id) ? `<a href="#${esc(id)}">${esc(id)}</a>${esc(i.slice(id.length))}` : esc(i)
  }
  return `  <h3>${esc(title)}</h3>\n  <ul class="${cls}">\n${items.map((i) => `    <li>${line(i)}</li>`).join('\n')}\n  </ul>\n`
}

function row(r: RequirementResult, report: RunReport): string {
  const red = failsRun(r, report)
  const attention = needsDetails(r) || r.status === 'unexpected-pass'
  const link = /^https?:\/\//.test(r.ref) ? ` <a href="${esc(r.ref)}" rel="noreferrer">doc</a>` : ''
  const badge = `<span class="badge st-${r.status}${red ? ' red' : ''}">${esc(STATUS_LABEL[r.status])}</span>${red && r.status !== 'failed' ? ' <span class="badge red">fails run</span>' : ''}`
  return `      <tr id="${esc(r.id)}" data-status="${r.status}" data-area="${esc(r.area)}" data-attention="${attention ? 1 : 0}" class="${red ? 'red' : ''}">
        <td class="id"><code>${esc(r.id)}</code></td><td class="lvl lvl-${r.level}">${esc(r.level)}</td><td>${esc(r.source)}</td>
        <td>${esc(r.summary)}${link}</td>
        <td>${badge}</td>
        <td class="ev">${evidence(r)}</td>
      </tr>`
}

function evidence(r: RequirementResult): string {
  const parts: string[] = []
  const exp = expectationLine(r)
  const checks = needsDetails(r) ? failingChecks(r) : []
  // The requirement's message is its first failing check's: shown once, with that check, when there are checks.
  if (checks.length === 0) parts.push(`<p class="${needsDetails(r) ? 'msg' : 'quiet'}">${esc(r.message)}</p>`)
  if (exp) parts.push(`<p class="exp">${esc(exp)}</p>`)
  for (const c of checks) {
    parts.push(`<div class="check"><p class="msg">${esc(checkLabel(c))}${c.status === 'error' ? ' (setup error)' : ''}: ${esc(c.message ?? c.status)}</p>`)
    if (c.counterexample) parts.push(`<pre class="cx">${esc(counterexampleText(c.counterexample))}</pre>`)
    for (const e of c.evidence ?? []) parts.push(`<pre class="http">${esc(exchangeText(e))}</pre>`)
    parts.push('</div>')
  }
  if (r.observations.length > 0) parts.push(`<ul class="obs">${r.observations.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>`)
  return parts.join('')
}

/** Escapes text for both element content and quoted attributes. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var status = document.getElementById('f-status');
  var area = document.getElementById('f-area');
  var count = document.getElementById('f-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#requirements tbody tr'));
  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var s = status.value, a = area.value;
      var ok = (s === '' || r.dataset.status === s || (s === 'attention' && r.dataset.attention === '1')) && (a === '' || r.dataset.area === a);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' requirements shown';
  }
  status.addEventListener('change', apply);
  area.addEventListener('change', apply);
  form.hidden = false;
  apply();
})();
`

// Long tokens (URLs, SIDs) wrap only where nothing else fits (overflow-wrap: anywhere), never words in the middle
// (word-break: break-all broke "FAILED" and every other word at the edge of a line).
const STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); }
header.cert { padding: 20px 28px; border-bottom: 6px solid var(--muted); background: var(--bg); }
header.cert.ok { border-color: var(--ok); } header.cert.bad { border-color: var(--bad); } header.cert.warn { border-color: var(--warn); }
.partial, .warning { margin: 4px 0 12px; padding: 6px 10px; border-left: 4px solid var(--warn); background: #fff8c5; font-weight: 600; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: 12px; }
h1 { margin: 6px 0 12px; font-size: 34px; letter-spacing: .02em; }
.ok h1 { color: var(--ok); } .bad h1 { color: var(--bad); } .warn h1 { color: var(--warn); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 24px; margin: 0; }
.facts div { display: flex; gap: 8px; } .facts dt { color: var(--muted); min-width: 110px; } .facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
main { padding: 8px 28px 24px; }
h2 { font-size: 18px; margin: 20px 0 8px; } h3 { font-size: 14px; margin: 12px 0 4px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--bg); }
.counts td.n { text-align: right; min-width: 70px; } .counts td.zero { color: #aab; }
ul.reasons li, ul.reasons a { color: var(--bad); } ul.notes li { color: var(--muted); }
.filters { display: flex; gap: 16px; align-items: center; margin: 8px 0; } .filters output { color: var(--muted); } .filters[hidden] { display: none; }
.reqs { width: 100%; table-layout: fixed; }
.reqs th:nth-child(1) { width: 17%; } .reqs th:nth-child(2) { width: 5%; } .reqs th:nth-child(3) { width: 6%; }
.reqs th:nth-child(4) { width: 24%; } .reqs th:nth-child(5) { width: 9%; } .reqs th:nth-child(6) { width: 39%; }
.reqs td { overflow-wrap: anywhere; } .reqs tr.red { background: #fff5f5; }
.id code { font-size: 12px; } .lvl-must { font-weight: 600; } .lvl-should, .lvl-may { color: var(--muted); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; border: 1px solid var(--line); white-space: nowrap; }
.st-passed { color: var(--ok); } .st-failed, .badge.red { color: #fff; background: var(--bad); border-color: var(--bad); }
.badge.st-failed:not(.red) { color: var(--warn); background: #fff8c5; border-color: #d4a72c; }
.st-known-failure, .st-unexpected-pass, .st-error { color: var(--warn); background: #fff8c5; border-color: #d4a72c; }
.st-skipped { color: var(--muted); }
.counts td.st-failed { color: var(--bad); background: none; border-color: var(--line); font-weight: 600; }
.ev p { margin: 0 0 4px; } .ev .msg { font-weight: 600; } .ev .quiet { color: var(--muted); } .ev .exp { color: var(--warn); }
.check { margin-top: 6px; }
pre { margin: 4px 0; padding: 6px 8px; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 28em; overflow: auto; }
pre.cx { border-color: #d4a72c; }
ul.obs { margin: 4px 0 0; padding-left: 18px; color: var(--muted); font-size: 12px; }
footer { padding: 12px 28px 28px; color: var(--muted); font-size: 12px; }
@media print {
  body { font-size: 10.5px; } header.cert, .reqs tr.red, .badge, pre { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .filters { display: none !important; } .reqs tr[hidden] { display: table-row !important; }
  pre { max-height: none; overflow: visible; } a { color: inherit; } main, header.cert, footer { padding-left: 0; padding-right: 0; }
  .reqs tr { break-inside: avoid-page; } thead { display: table-header-group; }
}
`
