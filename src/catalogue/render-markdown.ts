import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { REQUIREMENTS } from './requirements.ts'
import { areaOf, LEVELS, type Basis } from './types.ts'

/** docs/requirements.md: the catalogue as a table per area. Generated; a test keeps the committed copy current. */
export function renderRequirementsMarkdown(): string {
  const lines = [
    '# Requirements',
    '',
    '<!-- Generated from src/catalogue/requirements.ts by `npm run docs:requirements`; do not edit by hand. -->',
    '',
    `${REQUIREMENTS.length} requirements: ${LEVELS.map((l) => `${REQUIREMENTS.filter((r) => r.level === l).length} ${l}`).join(', ')}.`,
    'Only `must` failures fail a run (exit 1); `should` failures are reported, and fail the run with `--level should`.',
    'Sources: `docs` the doc page, `openapi` Twilio\'s OpenAPI file, `observed` behaviour of the live API that the doc does not promise.',
    'Basis: what the requirement rests on: the Message page\'s words, another official Twilio page (its words, or their gist in square brackets), or an inference. A `must` never rests on an inference (the catalogue lint refuses it).',
    'Where another official Twilio page qualifies the Message page (a limit), the reference cites both and the check accepts either reading, recording which one it saw.',
    '',
  ]
  const areas = [...new Set(REQUIREMENTS.map((r) => areaOf(r.id)))]
  for (const area of areas) {
    lines.push(`## ${area}`, '', '| ID | level | source | requirement | basis | reference |', '|---|---|---|---|---|---|')
    for (const r of REQUIREMENTS.filter((x) => areaOf(x.id) === area)) {
      const also = (r.qualifiedBy ?? []).map((q) => `; qualified by [${refLabel(q.ref)}](${q.ref}): "${q.quote}", so also ${q.allows}`).join('')
      lines.push(`| \`${r.id}\` | ${r.level} | ${r.source} | ${r.summary.replace(/\|/g, '\\|')} | ${basisCell(r.basis).replace(/\|/g, '\\|')} | [${refLabel(r.ref)}](${r.ref})${also.replace(/\|/g, '\\|')} |`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

/** The Message page's words, another page's (linked), or the inference, as one cell; a requirement without one says so. */
function basisCell(basis: Basis | undefined): string {
  if (!basis) return '**none recorded**'
  const words = (text: string) => (text.startsWith('[') ? text : `"${text}"`)
  if (basis.kind === 'message-page') return `the Message page: ${words(basis.quote)}`
  if (basis.kind === 'twilio-page') return `[${new URL(basis.url).pathname.split('/').slice(-2).join('/')}](${basis.url}): ${words(basis.quote)}`
  return `inference: ${basis.reasoning}`
}

function refLabel(ref: string): string {
  const hash = ref.indexOf('#')
  return hash >= 0 ? ref.slice(hash + 1) : new URL(ref).hostname
}

export const REQUIREMENTS_DOC = fileURLToPath(new URL('../../docs/requirements.md', import.meta.url))

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(REQUIREMENTS_DOC, renderRequirementsMarkdown())
  process.stdout.write(`wrote ${REQUIREMENTS_DOC}\n`)
}
