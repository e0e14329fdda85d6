/**
 * The input-class section of docs/coverage.md: the classes of each parameter (src/arbitraries/classes.ts), and the
 * classes each requirement's check tries as fixed examples on every run, before its random inputs.
 */
import { CLASSES_TRIED, INPUT_CLASSES, type Parameter } from '../arbitraries/classes.ts'

const READING = { accepted: 'accepted, stored as sent', refused: 'refused', either: 'either (the doc leaves it open)' } as const

export function renderInputClasses(): string[] {
  const lines = [
    '## Input classes',
    '',
    'The classes of each parameter (`src/arbitraries/classes.ts`) and what every conformant server does with each. A check',
    'that judges a parameter tries the classes listed for its requirement below as fixed examples on every run, then',
    'random inputs; the checks take those examples from the same table, so this list is what runs.',
    '',
    '### Classes tried, by requirement',
    '',
    '| requirement | parameter | classes tried every run |',
    '|---|---|---|',
  ]
  for (const [requirement, byParameter] of Object.entries(CLASSES_TRIED)) {
    for (const [parameter, classes] of Object.entries(byParameter)) lines.push(`| \`${requirement}\` | ${parameter} | ${(classes ?? []).join(', ')} |`)
  }
  lines.push('', '### Classes, by parameter', '', '| parameter | class | what | reading | tried by |', '|---|---|---|---|---|')
  for (const [parameter, classes] of Object.entries(INPUT_CLASSES) as Array<[Parameter, (typeof INPUT_CLASSES)[Parameter]]>) {
    for (const [name, c] of Object.entries(classes)) {
      const triedBy = Object.entries(CLASSES_TRIED).filter(([, by]) => by[parameter]?.includes(name)).map(([id]) => `\`${id}\``)
      lines.push(`| ${parameter} | ${name} | ${c.what.replace(/\|/g, '\\|')} | ${READING[c.reading]} | ${triedBy.join(', ') || '—'} |`)
    }
  }
  lines.push('')
  return lines
}
