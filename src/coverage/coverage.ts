/**
 * The model joined with the map: for each constraint, the requirements that exercise it, or the reason it is waived,
 * or nothing (uncovered, with the known gap it is listed as). Also the map's own lint: every name in it must exist.
 */
import { ACCEPTS, BEYOND_MODEL, EXERCISES, KNOWN_GAPS, WAIVERS, type KnownGap } from './map.ts'
import { operationOf } from './constraints.ts'
import type { Constraint, ConstraintKind, OperationKind } from './types.ts'

export type CoverageStatus = 'covered' | 'waived' | 'uncovered'

export interface CoverageRow {
  constraint: Constraint
  status: CoverageStatus
  requirements: string[]
  waiver?: string
  gap?: KnownGap
  /** What the exercising checks accept beyond the rule (map.ts ACCEPTS); absent: as the rule says. */
  accepts?: string
}

export interface CoverageMap {
  exercises: Readonly<Record<string, readonly string[]>>
  waivers: Readonly<Record<string, string>>
  gaps: Readonly<Record<string, KnownGap>>
  /** Requirements that exercise no constraint of the model, each with where its fact comes from. */
  beyond: Readonly<Record<string, string>>
  /** What the checks accept where it is more than the rule says, by constraint pattern (first match wins). */
  accepts?: Readonly<Record<string, string>>
}

export const CURRENT_MAP: CoverageMap = { exercises: EXERCISES, waivers: WAIVERS, gaps: KNOWN_GAPS, beyond: BEYOND_MODEL, accepts: ACCEPTS }

/** `*` matches any run of characters; everything else literally. */
export function matcher(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern
  const re = new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')
  return (id) => re.test(id)
}

export function coverageRows(constraints: readonly Constraint[], map: CoverageMap = CURRENT_MAP): CoverageRow[] {
  const exercised = new Map<string, string[]>()
  for (const [requirement, patterns] of Object.entries(map.exercises)) {
    for (const pattern of patterns) {
      const matches = matcher(pattern)
      for (const c of constraints) if (matches(c.id)) exercised.set(c.id, [...new Set([...(exercised.get(c.id) ?? []), requirement])])
    }
  }
  const waiverOf = (id: string) => Object.entries(map.waivers).find(([pattern]) => matcher(pattern)(id))?.[1]
  const acceptsOf = (id: string) => Object.entries(map.accepts ?? {}).find(([pattern]) => matcher(pattern)(id))?.[1]
  return constraints.map((constraint) => {
    const requirements = exercised.get(constraint.id) ?? []
    const waiver = waiverOf(constraint.id)
    const gap = map.gaps[constraint.id]
    const status: CoverageStatus = requirements.length > 0 ? 'covered' : waiver !== undefined ? 'waived' : 'uncovered'
    const accepts = status === 'covered' ? acceptsOf(constraint.id) : undefined
    return { constraint, status, requirements, ...(waiver !== undefined ? { waiver } : {}), ...(gap ? { gap } : {}), ...(accepts !== undefined ? { accepts } : {}) }
  })
}

/**
 * What is wrong with the map against the model and the catalogue: an unknown requirement, a requirement with no
 * constraint, a pattern or waiver that matches nothing, a gap that names no constraint, a constraint both covered and
 * waived, a catalogue requirement with no line in EXERCISES.
 */
export function mapProblems(constraints: readonly Constraint[], requirementIds: readonly string[], map: CoverageMap = CURRENT_MAP): string[] {
  const problems: string[] = []
  const ids = constraints.map((c) => c.id)
  const known = new Set(requirementIds)
  for (const [requirement, patterns] of Object.entries(map.exercises)) {
    if (!known.has(requirement)) problems.push(`EXERCISES names ${requirement}, which is not in the catalogue`)
    if (patterns.length === 0) problems.push(`${requirement}: exercises no constraint (every check exercises something the spec states)`)
    for (const p of patterns) if (!ids.some(matcher(p))) problems.push(`${requirement}: ${p} matches no constraint of the model`)
  }
  for (const [requirement, source] of Object.entries(map.beyond)) {
    if (!known.has(requirement)) problems.push(`BEYOND_MODEL names ${requirement}, which is not in the catalogue`)
    if (requirement in map.exercises) problems.push(`${requirement}: in EXERCISES and BEYOND_MODEL: it is one or the other`)
    if (source.trim().length < 20) problems.push(`BEYOND_MODEL: ${requirement} does not say where its fact comes from`)
  }
  for (const r of requirementIds) if (!(r in map.exercises) && !(r in map.beyond)) problems.push(`${r}: in the catalogue but not mapped (add its line to EXERCISES in src/coverage/map.ts)`)
  for (const p of Object.keys(map.waivers)) if (!ids.some(matcher(p))) problems.push(`WAIVERS: ${p} matches no constraint of the model`)
  for (const [p, reason] of Object.entries(map.waivers)) if (reason.trim().length < 20) problems.push(`WAIVERS: ${p} has no real reason`)
  // An ACCEPTS pattern that matches no covered constraint says nothing any row shows.
  const covered = coverageRows(constraints, map).filter((r) => r.status === 'covered').map((r) => r.constraint.id)
  for (const p of Object.keys(map.accepts ?? {})) if (!covered.some(matcher(p))) problems.push(`ACCEPTS: ${p} matches no covered constraint of the model`)
  for (const id of Object.keys(map.gaps)) if (!ids.includes(id)) problems.push(`KNOWN_GAPS: ${id} is not a constraint of the model`)
  for (const row of coverageRows(constraints, map)) {
    if (row.requirements.length > 0 && row.waiver !== undefined) problems.push(`${row.constraint.id}: exercised by ${row.requirements.join(', ')} and waived: drop the waiver`)
    if (row.waiver !== undefined && row.gap !== undefined) problems.push(`${row.constraint.id}: waived and listed as a known gap: it is one or the other`)
  }
  return problems
}

/** The drift of KNOWN_GAPS from the truth: gaps now closed but still listed, and uncovered constraints not listed. */
export function gapDrift(rows: readonly CoverageRow[], gaps: Readonly<Record<string, KnownGap>> = KNOWN_GAPS): { closedButListed: string[]; unlisted: string[] } {
  const uncovered = new Set(rows.filter((r) => r.status === 'uncovered').map((r) => r.constraint.id))
  return {
    closedButListed: Object.keys(gaps).filter((id) => !uncovered.has(id) && rows.some((r) => r.constraint.id === id)),
    unlisted: [...uncovered].filter((id) => !(id in gaps)),
  }
}

export interface Tally {
  found: number
  covered: number
  waived: number
  uncovered: number
}

export function tally(rows: readonly CoverageRow[]): Tally {
  return {
    found: rows.length,
    covered: rows.filter((r) => r.status === 'covered').length,
    waived: rows.filter((r) => r.status === 'waived').length,
    uncovered: rows.filter((r) => r.status === 'uncovered').length,
  }
}

/** Tallies per group, in the order the groups first appear. */
export function tallyBy<K extends string>(rows: readonly CoverageRow[], keysOf: (row: CoverageRow) => readonly K[]): Array<[K, Tally]> {
  const groups = new Map<K, CoverageRow[]>()
  for (const row of rows) for (const key of keysOf(row)) groups.set(key, [...(groups.get(key) ?? []), row])
  return [...groups].map(([key, members]) => [key, tally(members)])
}

export const byOperationId = (row: CoverageRow): readonly string[] => row.constraint.operations
export const byOperationKind = (row: CoverageRow): readonly (OperationKind | 'relation')[] => [operationOf(row.constraint)]
export const byKind = (row: CoverageRow): readonly ConstraintKind[] => [row.constraint.kind]
