import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CHECK_FILE_SUFFIX, CODE_ROOT } from '../run/paths.ts'
import { REQUIREMENTS } from './requirements.ts'
import { LEVELS } from './types.ts'

export interface CitedCheck {
  id: string
  file: string
}

/** Every `check('<id>'` in suites/**\/*.check.ts (or the compiled .check.js), with the file it stands in (relative to CODE_ROOT). */
export function citedChecks(suitesDir = join(CODE_ROOT, 'suites')): CitedCheck[] {
  const found: CitedCheck[] = []
  for (const file of walk(suitesDir).filter((f) => f.endsWith(CHECK_FILE_SUFFIX))) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\bcheck\(\s*(['"`])([^'"`]+)\1/g)) found.push({ id: m[2]!, file: relative(CODE_ROOT, file) })
  }
  return found
}

/** The suite's structural rules; each problem is one line naming the file or requirement. */
export function lintSuite(cited: readonly CitedCheck[] = citedChecks()): string[] {
  const problems: string[] = []
  const known = new Set(REQUIREMENTS.map((r) => r.id))
  const citedIds = new Set(cited.map((c) => c.id))
  if (cited.length === 0) problems.push('no check found under suites/')
  for (const c of cited) if (!known.has(c.id)) problems.push(`${c.file}: cites unknown requirement ${c.id}`)
  for (const r of REQUIREMENTS) if (r.level === 'must' && !citedIds.has(r.id)) problems.push(`${r.id}: must requirement without a check`)
  const seen = new Set<string>()
  for (const r of REQUIREMENTS) {
    if (seen.has(r.id)) problems.push(`${r.id}: duplicate ID in the catalogue`)
    seen.add(r.id)
    if (!/^msg\.[a-z0-9-]+\.[a-z0-9-]+$/.test(r.id)) problems.push(`${r.id}: ID must look like msg.<area>.<behaviour>`)
    if (!LEVELS.includes(r.level)) problems.push(`${r.id}: unknown level ${r.level}`)
    if (!URL.canParse(r.ref)) problems.push(`${r.id}: ref is not a URL`)
  }
  // One behaviour per file (test262's rule): a file that mixes requirements hides which one a failure is about.
  const perFile = new Map<string, Set<string>>()
  for (const c of cited) perFile.set(c.file, (perFile.get(c.file) ?? new Set()).add(c.id))
  for (const [file, ids] of perFile) if (ids.size > 1) problems.push(`${file}: cites ${ids.size} requirements (${[...ids].join(', ')}); one per file`)
  return problems
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}
