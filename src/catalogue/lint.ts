import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { CHECK_FILE_SUFFIX, CODE_ROOT } from '../run/paths.ts'
import { BASES } from './basis.ts'
import { REQUIREMENTS } from './requirements.ts'
import { LEVELS, type Basis, type Requirement } from './types.ts'

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
  problems.push(...lintBasis())
  // The file says which requirement it checks: msg.<area>.<behaviour> lives in suites/<area>/<behaviour>.check.ts.
  for (const c of cited) {
    const [, area, behaviour] = c.id.split('.')
    const expected = `suites/${area}/${behaviour}${CHECK_FILE_SUFFIX}`
    if (c.file.split(sep).join('/') !== expected) problems.push(`${c.file}: checks ${c.id}, so it belongs in ${expected}`)
  }
  // One behaviour per file (test262's rule): a file that mixes requirements hides which one a failure is about.
  const perFile = new Map<string, Set<string>>()
  for (const c of cited) perFile.set(c.file, (perFile.get(c.file) ?? new Set()).add(c.id))
  for (const [file, ids] of perFile) if (ids.size > 1) problems.push(`${file}: cites ${ids.size} requirements (${[...ids].join(', ')}); one per file`)
  return problems
}

/** Hosts whose pages are Twilio's own word: its documentation, and its OpenAPI repository. */
const OFFICIAL = [/^https:\/\/(www\.)?twilio\.com\/docs\//, /^https:\/\/github\.com\/twilio\/twilio-oai\/blob\/[0-9a-f]{40}\//]

/**
 * What every requirement rests on (basis.ts): each has a basis; a `must` rests on Twilio's words, never on an
 * inference (DESIGN.md: "An inference is at most a `should` until someone has seen the behaviour"); a cited page is an
 * official one (twilio.com/docs, or the OpenAPI file at a pinned commit) and says which of its words count; every
 * entry of the basis table names a requirement.
 */
export function lintBasis(requirements: readonly Requirement[] = REQUIREMENTS, table: Readonly<Record<string, Basis>> = BASES): string[] {
  const problems: string[] = []
  for (const r of requirements) {
    const basis = r.basis
    if (!basis) {
      problems.push(`${r.id}: no basis recorded (add one to src/catalogue/basis.ts: the Message page's words, another Twilio page, or an inference)`)
      continue
    }
    if (basis.kind === 'inference') {
      if (r.level === 'must') problems.push(`${r.id}: a must requirement whose basis is an inference; cite the Message page or another official Twilio page, or make it a should`)
      if (basis.reasoning.trim() === '') problems.push(`${r.id}: an inference that gives no reasoning`)
      continue
    }
    if (basis.quote.trim() === '') problems.push(`${r.id}: a basis that quotes no words`)
    if (basis.kind === 'twilio-page' && !OFFICIAL.some((re) => re.test(basis.url))) problems.push(`${r.id}: basis ${basis.url} is not an official Twilio page (twilio.com/docs, or twilio-oai at a commit)`)
  }
  const known = new Set(requirements.map((r) => r.id))
  for (const id of Object.keys(table)) if (!known.has(id)) problems.push(`src/catalogue/basis.ts: ${id} is not in the catalogue`)
  return problems
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

/**
 * The fault table (mock/faults.ts, handed in as name → requirement IDs, since the catalogue imports nothing from the
 * reference server) against the catalogue: every fault names what it must turn red, every name is a requirement,
 * every `must` requirement has a fault aimed at it. Fails in seconds, not after the mutation run.
 */
export function lintFaultTargets(targets: Readonly<Record<string, readonly string[]>>): string[] {
  const problems: string[] = []
  const known = new Set(REQUIREMENTS.map((r) => r.id))
  for (const [fault, ids] of Object.entries(targets)) {
    if (ids.length === 0) problems.push(`fault ${fault} names no requirement it must turn red`)
    for (const id of ids) if (!known.has(id)) problems.push(`fault ${fault} names ${id}, which is not in the catalogue`)
  }
  const aimed = new Set(Object.values(targets).flat())
  for (const r of REQUIREMENTS) if (r.level === 'must' && !aimed.has(r.id)) problems.push(`${r.id}: must requirement that no fault is aimed at (add one to mock/faults.ts)`)
  return problems
}
