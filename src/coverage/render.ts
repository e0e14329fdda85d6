/**
 * docs/coverage.md: the summary line, the counts by operation and by kind, the waivers, the known gaps, the
 * requirements beyond the model, and every
 * constraint with the requirements that exercise it (or its waiver, or UNCOVERED), grouped by operation, with its
 * source. Generated; test/coverage.test.ts keeps the committed copy current.
 */
import { operationOf } from './constraints.ts'
import { byKind, byOperationId, byOperationKind, gapDrift, tally, tallyBy, type CoverageRow, type Tally } from './coverage.ts'
import { normalise } from './doc-page.ts'
import { renderInputClasses } from './input-classes.ts'
import { BEYOND_MODEL, KNOWN_GAPS, WAIVERS } from './map.ts'
import { CONSTRAINT_KINDS, OPERATION_KINDS, type Source } from './types.ts'
import { findRequirement } from '../catalogue/requirements.ts'

export function renderCoverageMarkdown(rows: readonly CoverageRow[]): string {
  const total = tally(rows)
  const drift = gapDrift(rows)
  const listedGaps = total.uncovered - drift.unlisted.length
  const lines = [
    '# Spec coverage',
    '',
    '<!-- Generated from fixtures/openapi/ and src/coverage/ by `npm run coverage`; do not edit by hand. -->',
    '',
    `**${total.found} constraints found: ${total.covered} covered, ${total.waived} waived, ${total.uncovered} uncovered**` +
      (total.uncovered === 0
        ? '.'
        : ` (${listedGaps} of them known gaps, each with the requirement expected to close it${drift.unlisted.length > 0 ? `; ${drift.unlisted.length} not listed` : ''}).`),
    '',
    'Every constraint Twilio\'s OpenAPI file (`fixtures/openapi/`, an extract of twilio-oai; see its README) and the doc page',
    'state for the ten message operations (create, list, fetch, update, delete; each in the default and the service scope):',
    'each path, query and header parameter and form field, facet by facet (an allowed value, every enum value and each bound',
    'accepted; just outside each bound, a wrong type, an empty value, not JSON, outside the enum, a pattern miss refused;',
    'left out: the documented default), each response status, media type, declared header and body property, the two',
    'halves of the credentials, and the relations between fields and operations the spec and the doc state in words.',
    'A constraint is **covered** when a requirement\'s check exercises it (`src/coverage/map.ts`, read from the checks),',
    '**waived** when the suite deliberately does not judge it (the reason is given), and **uncovered** otherwise. A',
    'constraint the two scopes state alike is one constraint of both operations, so the per-operation counts add up to more',
    'than the total.',
    '',
    'The rule is what the spec or the doc states; **the checks accept** is what the checks that exercise it enforce. Where the',
    'doc leaves the reaction open or another official Twilio page allows another reading, that is more than the rule (read as',
    'not given as well as refused; clamped as well as refused; 400 as well as 404), and the column says so; otherwise it says',
    '"as the rule says". A requirement marked (should) or (may) reports a failure but does not fail a run.',
    '',
    'IDs: `<operation>.<path|query|header|form>.<Name>.<facet>`, `<operation>.request.content-type`,',
    '`<operation>.response.<status>.<status|content-type|empty|header.<Name>|body.<property>>`, `<operation>.security.<facet>`,',
    '`relation.<subject>.<relation>[.after-create|.after-update]`.',
    '',
    '## Counts',
    '',
    '### By operation',
    '',
    ...tallyTable('operationId', tallyBy(rows, byOperationId)),
    '',
    ...tallyTable('operation', tallyBy(rows, byOperationKind)),
    '',
    '### By kind',
    '',
    ...tallyTable('kind', tallyBy(rows, byKind).sort((a, b) => CONSTRAINT_KINDS.indexOf(a[0]) - CONSTRAINT_KINDS.indexOf(b[0]))),
    '',
    ...tallyTable('polarity', tallyBy(rows, (r) => [r.constraint.polarity])),
    '',
    '### Found, by operation and kind',
    '',
    ...matrix(rows),
    '',
    '## Waivers',
    '',
    '| constraints | waived | reason |',
    '|---|---|---|',
    ...Object.entries(WAIVERS).map(([pattern, reason]) => `| \`${pattern}\` | ${rows.filter((r) => r.waiver === reason).length} | ${cell(reason)} |`),
    '',
    '## Known gaps',
    '',
    'Uncovered constraints, by the requirement expected to close each. The list only shrinks: the test fails when a gap',
    'is closed but still listed, and when a constraint is uncovered and not listed.',
    '',
    ...(total.uncovered === 0 && Object.keys(KNOWN_GAPS).length === 0
      ? ['None: every constraint is exercised by a requirement or waived.']
      : ['| expected requirement | status | uncovered constraints |', '|---|---|---|', ...gapGroups(rows)]),
    '',
    '## Requirements beyond the model',
    '',
    'Requirements whose fact no constraint of the OpenAPI model states: prose of the Message page or of another Twilio',
    'page, or behaviour Twilio is observed to have. They are judged like the rest and counted in no row below.',
    '',
    '| requirement | where its fact comes from |',
    '|---|---|',
    ...Object.entries(BEYOND_MODEL).map(([requirement, source]) => `| \`${requirement}\` | ${cell(source)} |`),
    '',
    ...renderInputClasses(),
    '## Constraints',
    '',
  ]
  for (const group of [...OPERATION_KINDS, 'relation' as const]) {
    const members = rows.filter((r) => operationOf(r.constraint) === group)
    const t = tally(members)
    lines.push(`### ${group === 'relation' ? 'relations' : group}`, '', `${t.found} constraints: ${t.covered} covered, ${t.waived} waived, ${t.uncovered} uncovered.`, '')
    lines.push('| constraint | scopes | rule | source | exercised by | the checks accept |', '|---|---|---|---|---|---|')
    for (const r of members) {
      const c = r.constraint
      lines.push(`| \`${c.id}\` | ${c.scopes.join(', ')} | ${cell(c.rule)} | ${cell(sourceCell(c.sources))} | ${cell(verdictCell(r))} | ${cell(acceptsCell(r))} |`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

function tallyTable(label: string, tallies: ReadonlyArray<[string, Tally]>): string[] {
  return [`| ${label} | found | covered | waived | uncovered |`, '|---|---:|---:|---:|---:|', ...tallies.map(([k, t]) => `| ${k} | ${t.found} | ${t.covered} | ${t.waived} | ${t.uncovered} |`)]
}

function matrix(rows: readonly CoverageRow[]): string[] {
  const kinds = CONSTRAINT_KINDS.filter((k) => rows.some((r) => r.constraint.kind === k))
  const groups = [...OPERATION_KINDS, 'relation' as const]
  const count = (g: string, k?: string) => rows.filter((r) => operationOf(r.constraint) === g && (k === undefined || r.constraint.kind === k)).length
  return [
    `| operation | ${kinds.join(' | ')} | total |`,
    `|---|${kinds.map(() => '---:').join('|')}|---:|`,
    ...groups.map((g) => `| ${g} | ${kinds.map((k) => count(g, k) || '').join(' | ')} | ${count(g)} |`),
    `| total | ${kinds.map((k) => rows.filter((r) => r.constraint.kind === k).length).join(' | ')} | ${rows.length} |`,
  ]
}

function gapGroups(rows: readonly CoverageRow[]): string[] {
  const groups = new Map<string, string[]>()
  for (const [id, gap] of Object.entries(KNOWN_GAPS)) {
    if (!rows.some((r) => r.constraint.id === id && r.status === 'uncovered')) continue
    const key = `${gap.expected}\u0000${gap.status}`
    groups.set(key, [...(groups.get(key) ?? []), id])
  }
  const unlisted = rows.filter((r) => r.status === 'uncovered' && r.gap === undefined).map((r) => r.constraint.id)
  return [
    ...[...groups].map(([key, ids]) => {
      const [expected, status] = key.split('\u0000')
      return `| ${cell(expected!)} | ${status} | ${ids.map((id) => `\`${id}\``).join(', ')} |`
    }),
    ...(unlisted.length > 0 ? [`| **not listed in KNOWN_GAPS** | | ${unlisted.map((id) => `\`${id}\``).join(', ')} |`] : []),
  ]
}

/** The doc's words when the constraint rests on them, else the first OpenAPI pointer; plus any other Twilio page. */
function sourceCell(sources: readonly Source[]): string {
  const doc = sources.find((s) => s.kind === 'doc')
  const openapi = sources.find((s) => s.kind === 'openapi')
  const page = sources.find((s) => s.kind === 'twilio-page')
  const shown: string[] = []
  if (doc?.kind === 'doc') shown.push(`doc § ${doc.section}: "${normalise(doc.quote)}"`)
  else if (openapi?.kind === 'openapi') shown.push(`\`${openapi.pointer}\`${openapi.quote ? `: "${normalise(openapi.quote)}"` : ''}`)
  if (page?.kind === 'twilio-page') shown.push(`[${page.about}](${page.url})`)
  const rest = sources.length - shown.length
  return shown.join('; ') + (rest > 0 ? ` (+${rest} more)` : '')
}

function verdictCell(r: CoverageRow): string {
  if (r.status === 'covered') return r.requirements.map((id) => `\`${id}\`${levelMark(id)}`).join(', ')
  if (r.status === 'waived') return `waived: ${firstSentence(r.waiver!)}`
  return `**UNCOVERED**${r.gap ? ` (expected: ${r.gap.expected}; ${r.gap.status})` : ' (not a known gap)'}`
}

/** " (should)" after a requirement that does not fail a run; nothing after a must. */
function levelMark(id: string): string {
  const level = findRequirement(id)?.level
  return level === undefined || level === 'must' ? '' : ` (${level})`
}

/** What the exercising checks enforce: more than the rule where map.ts ACCEPTS says so; nothing for a row no check judges. */
function acceptsCell(r: CoverageRow): string {
  if (r.status !== 'covered') return '—'
  if (r.accepts !== undefined) return r.accepts
  return r.requirements.every((id) => levelMark(id) !== '') ? 'as the rule says (at should level only)' : 'as the rule says'
}

const firstSentence = (text: string): string => /^.*?\.(\s|$)/.exec(text)?.[0].trim() ?? text
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
