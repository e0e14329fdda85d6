import { DOC } from './links.ts'
import type { Level, Requirement, Source } from './types.ts'

/** Compact constructor: the table below reads as one requirement per line group. */
function req(id: string, level: Level, source: Source, ref: string, summary: string): Requirement {
  return { id, level, source, ref, summary }
}

/**
 * The catalogue: every behaviour the suite checks, one entry each. Checks cite these IDs; the lint
 * (src/catalogue/lint.ts, run by `npm test`) fails when a check cites an unknown ID or a `must` requirement has no
 * check. `docs/requirements.md` is generated from this table (`npm run docs:requirements`).
 */
export const REQUIREMENTS: readonly Requirement[] = [
  req('msg.representation.schema', 'must', 'docs', DOC.properties,
    'Every message a response carries validates against the Message schema of its scope (types, nullability, SID patterns, RFC 3339 dates)'),
  req('msg.create.status-201', 'must', 'openapi', DOC.create, 'Create answers 201 Created with the new message as JSON'),
  req('msg.fetch.returns-created', 'must', 'docs', DOC.fetch, 'Fetch answers 200 with the same representation that create returned'),
  req('msg.list.contains-created', 'must', 'docs', DOC.list, 'List answers 200 with a page whose messages include a message just created'),
  req('msg.update.applies-changes', 'must', 'docs', DOC.update, 'Update answers 200 with the message changed as requested'),
  req('msg.delete.status-204-empty', 'must', 'openapi', DOC.delete, 'Delete answers 204 No Content with an empty body'),
  req('msg.delete.use-after-free', 'must', 'docs', DOC.delete, 'After delete, fetching the message answers 404 with a Twilio error body'),
  req('msg.auth.no-credentials', 'must', 'docs', DOC.auth,
    'A message request without credentials is refused with 401 and Twilio error 20003'),
]

const byId = new Map(REQUIREMENTS.map((r) => [r.id, r]))

export function findRequirement(id: string): Requirement | undefined {
  return byId.get(id)
}

/** Requirements whose ID starts with any of the prefixes (all when none are given). */
export function selectRequirements(prefixes: readonly string[]): Requirement[] {
  if (prefixes.length === 0) return [...REQUIREMENTS]
  return REQUIREMENTS.filter((r) => prefixes.some((p) => r.id.startsWith(p)))
}
