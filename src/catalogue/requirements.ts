import { REPRESENTATION } from './areas/representation.ts'
import { CREATE } from './areas/create.ts'
import { FETCH } from './areas/fetch.ts'
import { LIST } from './areas/list.ts'
import { UPDATE } from './areas/update.ts'
import { DELETE } from './areas/delete.ts'
import { ERRORS } from './areas/errors.ts'
import { AUTH } from './areas/auth.ts'
import { SCOPES } from './areas/scopes.ts'
import { STATEFUL } from './areas/stateful.ts'
import { BASES } from './basis.ts'
import type { Requirement } from './types.ts'

/**
 * The catalogue: every behaviour the suite checks, one entry each, kept in one file per area (src/catalogue/areas/).
 * Checks cite these IDs; the lint (src/catalogue/lint.ts, run by `npm test`) fails when a check cites an unknown ID
 * or a `must` requirement has no check. `docs/requirements.md` is generated from this table
 * (`npm run docs:requirements`).
 */
export const REQUIREMENTS: readonly Requirement[] = [...REPRESENTATION, ...CREATE, ...FETCH, ...LIST, ...UPDATE, ...DELETE, ...ERRORS, ...AUTH, ...SCOPES, ...STATEFUL].map(
  // Each requirement with what it rests on (basis.ts); one given in its area file wins.
  (r) => {
    const basis = r.basis ?? BASES[r.id]
    return basis ? { ...r, basis } : r
  },
)

const byId = new Map(REQUIREMENTS.map((r) => [r.id, r]))

export function findRequirement(id: string): Requirement | undefined {
  return byId.get(id)
}

/** Requirements whose ID starts with any of the prefixes (all when none are given). */
export function selectRequirements(prefixes: readonly string[]): Requirement[] {
  if (prefixes.length === 0) return [...REQUIREMENTS]
  return REQUIREMENTS.filter((r) => prefixes.some((p) => r.id.startsWith(p)))
}
