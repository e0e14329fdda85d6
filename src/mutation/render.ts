import type { SubjectOutcome } from './run-subject.ts'
import type { MutationResult } from './score.ts'

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** The mutation table as Markdown: fit for a terminal, a PR comment and bench/ alike. */
export function renderMutationMarkdown(r: MutationResult): string {
  const lines = [
    '# Mutation run: does the suite catch seeded faults and accept allowed variations?',
    '',
    `Score: **${r.killed} / ${r.total} faults killed (${(r.score * 100).toFixed(1)}%)** · clean server: **${r.clean.verdict}** · wall time ${secs(r.wallTimeMs)} · seed ${r.seed}`,
    '',
    '## Faults (each must turn at least one requirement red)',
    '',
    '| fault | what it breaks | result | killed by |',
    '|---|---|---|---|',
    ...r.faults.map((f) => `| \`${f.subject.name}\` | ${f.subject.description} | ${f.failed.length > 0 ? 'killed' : '**survived**'} | ${killers(f)} |`),
    '',
    '## Variants (allowed behaviours: no `must` requirement may fail)',
    '',
    '| variant | what it allows | verdict | must failures |',
    '|---|---|---|---|',
    ...r.variants.map((v) => `| \`${v.subject.name}\` | ${v.subject.description} | ${v.verdict} | ${v.failed.filter((f) => f.level === 'must').map((f) => `\`${f.id}\``).join(', ') || 'none'} |`),
    '',
  ]
  if (r.conditions.length > 0) {
    lines.push(
      '## Production conditions (what the real service does: no `must` requirement may fail, nothing may go unjudged)',
      '',
      '| condition | what it shows | verdict | must failures | retried, re-run and settled |',
      '|---|---|---|---|---|',
      ...r.conditions.map((c) => `| \`${c.subject.conditions.join(', ')}\`${c.subject.variants.length > 0 ? ' + every variant' : ''} | ${c.subject.description} | ${c.verdict} | ${c.failed.filter((f) => f.level === 'must').map((f) => `\`${f.id}\``).join(', ') || 'none'} | ${transientCell(c)} |`),
      '',
    )
  }
  // Over a part of the fault table (--fault) the list would name nearly every requirement and mean nothing.
  if (r.partial) lines.push('_A partial run (--fault): whether every `must` requirement is turned red by some fault is judged only over the whole fault table._', '')
  else if (r.mustWithoutKill.length > 0) lines.push(`\`must\` requirements that no fault turned red: ${r.mustWithoutKill.map((id) => `\`${id}\``).join(', ')}`, '')
  lines.push(r.problems.length === 0 ? 'Gate: **passed**.' : `Gate: **failed**\n\n${r.problems.map((p) => `- ${p}`).join('\n')}`, '')
  return lines.join('\n')
}

function killers(f: SubjectOutcome): string {
  if (f.problem) return `no report: ${f.problem}`
  const ids = f.failed.map((x) => `\`${x.id}\`${x.level === 'must' ? '' : ` (${x.level})`}`)
  return ids.length > 6 ? `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more` : ids.join(', ') || '—'
}

function transientCell(o: SubjectOutcome): string {
  const t = o.transient
  const s = o.settle
  if (!t || !s) return '—'
  const faults = Object.entries(t.faults).map(([what, n]) => `${n} × ${what}`)
  const parts = [...(t.rateLimited > 0 ? [`${t.rateLimited} × 429`] : []), ...faults, ...(t.reruns > 0 ? [`${t.reruns} re-runs`] : []), ...(s.delayed > 0 ? [`${s.delayed} reads settled (longest ${(s.longestMs / 1000).toFixed(1)} s)`] : [])]
  return parts.join(', ') || 'none needed'
}
