/**
 * Schema validation for response bodies.
 *
 * Every `schemas/*.json` file (JSON Schema draft 2020-12, each with a stable `$id`) is read once, lazily, and
 * registered with one Ajv instance (`allErrors`, `strict` minus `strictRequired`, ajv-formats). Schemas are
 * compiled on first use and cached, so a broken schema file only breaks validation against that schema (and the
 * schemas that `$ref` it).
 *
 * Results are plain `SchemaIssue`s: a JSON pointer into the data, the failing keyword, and one readable line.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { PACKAGE_ROOT } from '../run/paths.ts'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

export type SchemaName = 'message' | 'service-message' | 'message-page' | 'service-message-page' | 'error' | 'conversation'

export interface SchemaIssue {
  /** JSON pointer into the data ('' for the root). For `required`, it names the missing property, e.g. '/meta/key'. */
  pointer: string
  /** The failing JSON Schema keyword, e.g. 'pattern', 'required', 'type', 'format'. */
  rule: string
  /** One human line, e.g. `/sid must match pattern "^IM[0-9a-fA-F]{32}$" (pattern); got "IXaa…"`. */
  message: string
}

const ID_PREFIX = 'urn:conversations-conformance:schema:'
const SCHEMA_DIR = pathToFileURL(join(PACKAGE_ROOT, 'schemas', '/'))

/** The `$id` of one of the suite's own schemas. */
export function schemaIdOf(name: SchemaName): string {
  return ID_PREFIX + name
}

/** Validate `data` against one of the suite's named schemas. Returns [] when valid. */
export function validateSchema(name: SchemaName, data: unknown): SchemaIssue[] {
  return validateById(schemaIdOf(name), data)
}

/**
 * Validate `data` against any schema in `schemas/` by its `$id`. Returns [] when valid.
 * Throws (a programming error, not a validation result) when no schema has that `$id` or the schema does not compile.
 */
export function validateById(id: string, data: unknown): SchemaIssue[] {
  const validate = compiled(id)
  if (validate(data)) return []
  return toIssues(validate.errors ?? [])
}

// ---------------------------------------------------------------------------------------------------------------
// Loading (once, lazily)

interface Registry {
  ajv: Ajv2020
  /** $id -> file name */
  files: Map<string, string>
  /** file name -> why it could not be registered */
  loadErrors: Map<string, string>
  cache: Map<string, ValidateFunction>
}

let registry: Registry | undefined

function load(): Registry {
  if (registry) return registry
  // strict mode, except strictRequired: it rejects the ordinary idiom `not: { required: [...] }` ("must not carry
  // this property"), which schemas here use (run-report.json). test/schemas.test.ts checks the same thing for the
  // response schemas instead: every name in a `required` list is defined in the sibling `properties`.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true })
  addFormats(ajv)
  const files = new Map<string, string>()
  const loadErrors = new Map<string, string>()
  const dir = fileURLToPath(SCHEMA_DIR)
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  for (const file of names) {
    try {
      const schema: unknown = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8'))
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error('not a JSON object')
      const id = (schema as { $id?: unknown }).$id
      if (typeof id !== 'string' || id === '') throw new Error('has no "$id"')
      const clash = files.get(id)
      if (clash !== undefined) throw new Error(`"$id" ${id} is already used by ${clash}`)
      ajv.addSchema(schema as Record<string, unknown>) // checks the schema against the 2020-12 meta-schema
      files.set(id, file)
    } catch (err) {
      loadErrors.set(file, err instanceof Error ? err.message : String(err))
    }
  }
  registry = { ajv, files, loadErrors, cache: new Map() }
  return registry
}

function compiled(id: string): ValidateFunction {
  const reg = load()
  const hit = reg.cache.get(id)
  if (hit) return hit
  const file = reg.files.get(id)
  if (file === undefined) {
    const broken = [...reg.loadErrors].map(([f, why]) => `${f}: ${why}`)
    throw new Error(
      `no schema with $id "${id}" in ${fileURLToPath(SCHEMA_DIR)}; known: ${[...reg.files.keys()].join(', ') || '(none)'}` +
        (broken.length ? `; files that failed to load: ${broken.join('; ')}` : ''),
    )
  }
  let validate: ValidateFunction | undefined
  try {
    validate = reg.ajv.getSchema(id)
  } catch (err) {
    throw new Error(`schema ${file} ($id ${id}) does not compile: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!validate) throw new Error(`schema ${file} ($id ${id}) could not be compiled`)
  reg.cache.set(id, validate)
  return validate
}

// ---------------------------------------------------------------------------------------------------------------
// Ajv errors -> SchemaIssues

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

function preview(value: unknown): string {
  if (value === undefined) return 'undefined'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

interface Described {
  pointer: string
  sentence: string
  /** A short rendering of the offending value, when there is one. */
  got?: string
}

function describe(e: ErrorObject): Described {
  const params = e.params as Record<string, unknown>
  const missing = params['missingProperty']
  if (typeof missing === 'string') {
    // required / dependentRequired: point at the missing property, not at its parent
    return { pointer: `${e.instancePath}/${escapePointerToken(missing)}`, sentence: 'is required but missing' }
  }
  const pointer = e.instancePath
  const got = preview(e.data)
  switch (e.keyword) {
    case 'type': {
      const t = params['type']
      const types = Array.isArray(t) ? t.join(' or ') : String(t)
      return { pointer, sentence: `must be ${types}`, got: `${jsonType(e.data)} ${got}` }
    }
    case 'format':
      return { pointer, sentence: `must match format "${String(params['format'])}"`, got }
    case 'pattern':
      return { pointer, sentence: `must match pattern "${String(params['pattern'])}"`, got }
    case 'const':
      return { pointer, sentence: `must be equal to ${preview(params['allowedValue'])}`, got }
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map(preview).join(', ') : '?'
      return { pointer, sentence: `must be one of ${allowed}`, got }
    }
    default:
      return { pointer, sentence: e.message ?? 'is invalid', got }
  }
}

function toIssues(errors: ErrorObject[]): SchemaIssue[] {
  const out: SchemaIssue[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    const { pointer, sentence, got } = describe(e)
    const rule = e.keyword
    const where = pointer === '' ? '(root)' : pointer
    const message = `${where} ${sentence} (${rule})${got === undefined ? '' : `; got ${got}`}`
    const key = `${pointer}\u0000${rule}\u0000${message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ pointer, rule, message })
  }
  return out
}
