/** `npm run coverage`: writes docs/coverage.md from the OpenAPI extract, the doc-derived constraints and the map. */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildConstraints } from './constraints.ts'
import { coverageRows, tally } from './coverage.ts'
import { renderCoverageMarkdown } from './render.ts'
import { loadSpec } from './spec.ts'

export const COVERAGE_DOC = fileURLToPath(new URL('../../docs/coverage.md', import.meta.url))

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = coverageRows(buildConstraints(loadSpec()))
  writeFileSync(COVERAGE_DOC, renderCoverageMarkdown(rows))
  const t = tally(rows)
  process.stdout.write(`wrote ${COVERAGE_DOC}: ${t.found} constraints found, ${t.covered} covered, ${t.waived} waived, ${t.uncovered} uncovered\n`)
}
