/**
 * Which properties of a response body its schema documents and which it does not know: a service that adds a field
 * (Twilio adds them without notice) shows up here, as does a documented one that stops appearing (compare two runs:
 * `conformance diff`). The schemas allow extra properties, so validation alone never says so.
 *
 * Paths are JSON pointers with array indices as `*` (`/messages/*\/links/channel_metadata`).
 */
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../run/paths.ts'
import { readSchemaFiles } from './ajv.ts'
import { schemaIdOf, type SchemaName } from './validate.ts'

type Schema = Record<string, unknown>

export interface PropertyPaths {
  documented: string[]
  unknown: string[]
}

let byId: Map<string, Schema> | undefined

function schemaById(id: string): Schema | undefined {
  if (!byId) {
    byId = new Map()
    for (const f of readSchemaFiles(join(PACKAGE_ROOT, 'schemas'))) {
      const schema = JSON.parse(f.text) as Schema
      if (typeof schema['$id'] === 'string') byId.set(schema['$id'], schema)
    }
  }
  return byId.get(id)
}

/** Follows a `$ref` (an `$id`, optionally with a `#/…` pointer into it) from the schema file `baseId`. */
function resolve(ref: string, baseId: string): { schema: Schema; baseId: string } | undefined {
  const [idPart, pointer = ''] = ref.split('#')
  const id = idPart || baseId
  let node: unknown = schemaById(id)
  for (const token of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')]
  return node && typeof node === 'object' ? { schema: node as Schema, baseId: id } : undefined
}

/** The schemas that apply at this node: itself, what it `$ref`s, and the branches of allOf/anyOf/oneOf. */
function expand(schema: Schema, baseId: string, depth = 0): Array<{ schema: Schema; baseId: string }> {
  if (depth > 20) return []
  const out = [{ schema, baseId }]
  if (typeof schema['$ref'] === 'string') {
    const target = resolve(schema['$ref'], baseId)
    if (target) out.push(...expand(target.schema, target.baseId, depth + 1))
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches)) for (const b of branches as Schema[]) out.push(...expand(b, baseId, depth + 1))
  }
  return out
}

function walk(value: unknown, schemas: Array<{ schema: Schema; baseId: string }>, path: string, found: { documented: Set<string>; unknown: Set<string> }): void {
  if (Array.isArray(value)) {
    const items = schemas.flatMap(({ schema, baseId }) => (schema['items'] && typeof schema['items'] === 'object' ? expand(schema['items'] as Schema, baseId) : []))
    for (const item of value) walk(item, items, `${path}/*`, found)
    return
  }
  if (value === null || typeof value !== 'object') return
  // A free-form object (attributes parsed, an example's nested value) has no properties to know: nothing to say.
  const withProperties = schemas.filter(({ schema }) => schema['properties'] && typeof schema['properties'] === 'object')
  if (withProperties.length === 0) return
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
    const childSchemas = withProperties.flatMap(({ schema, baseId }) => {
      const sub = (schema['properties'] as Record<string, Schema>)[key]
      return sub ? expand(sub, baseId) : []
    })
    if (childSchemas.length === 0) {
      found.unknown.add(childPath)
      continue
    }
    found.documented.add(childPath)
    walk(child, childSchemas, childPath, found)
  }
}

/** The property paths of `data` that the named schema documents, and those it does not know. */
export function propertyPaths(name: SchemaName, data: unknown): PropertyPaths {
  const root = schemaById(schemaIdOf(name))
  const found = { documented: new Set<string>(), unknown: new Set<string>() }
  if (root) walk(data, expand(root, schemaIdOf(name)), '', found)
  return { documented: [...found.documented], unknown: [...found.unknown] }
}
