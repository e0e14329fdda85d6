/**
 * Schema validation for response bodies.
 *
 * Every `schemas/*.json` file (JSON Schema draft 2020-12, each with a stable `$id`) is read once, lazily. The build
 * compiles them ahead of time (src/schemas/precompile.ts); when that code matches the files, it is used as is.
 * Otherwise (a checkout run from its sources, or edited schemas) they are registered with one Ajv instance
 * (src/schemas/ajv.ts) and compiled on first use, so a broken schema file only breaks validation against that
 * schema (and the schemas that `$ref` it).
 *
 * Results are plain `SchemaIssue`s: a JSON pointer into the data, the failing keyword, and one readable line.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { CODE_ROOT, PACKAGE_ROOT } from '../run/paths.ts'
import { addSchemaFiles, createAjv, fingerprintOf, PRECOMPILED_FILE, readSchemaFiles, type SchemaFile } from './ajv.ts'

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
const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas')

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

/** `$id` -> its validator; throws (a programming error) for an unknown `$id` or a schema that does not compile. */
type Lookup = (id: string) => ValidateFunction

let lookup: Lookup | undefined

function compiled(id: string): ValidateFunction {
  lookup ??= load()
  return lookup(id)
}

function load(): Lookup {
  const files = readSchemaFiles(SCHEMA_DIR)
  return precompiledLookup(files) ?? compilingLookup(files)
}

/** The build's validators (dist/src/schemas/precompiled.cjs), when they were made from exactly these files. */
function precompiledLookup(files: readonly SchemaFile[]): Lookup | undefined {
  // Found from the package root, not from this module: the build bundles this module into each check worker's file.
  const path = join(CODE_ROOT, 'src', 'schemas', PRECOMPILED_FILE)
  if (!existsSync(path)) return undefined
  const code = createRequire(import.meta.url)(path) as Record<string, unknown>
  if (code['fingerprint'] !== fingerprintOf(files)) return undefined
  const validators = new Map(Object.entries(code).filter((e): e is [string, ValidateFunction] => typeof e[1] === 'function'))
  return (id) => validators.get(id) ?? unknownId(id, [...validators.keys()], new Map())
}

/** Registers every file with Ajv and compiles each schema on first use. */
function compilingLookup(files: readonly SchemaFile[]): Lookup {
  const ajv = createAjv()
  const { ids, loadErrors } = addSchemaFiles(ajv, files)
  const cache = new Map<string, ValidateFunction>()
  return (id) => {
    const hit = cache.get(id)
    if (hit) return hit
    const file = ids.get(id)
    if (file === undefined) return unknownId(id, [...ids.keys()], loadErrors)
    let validate: ValidateFunction | undefined
    try {
      validate = ajv.getSchema(id)
    } catch (err) {
      throw new Error(`schema ${file} ($id ${id}) does not compile: ${err instanceof Error ? err.message : String(err)}`)
    }
    if (!validate) throw new Error(`schema ${file} ($id ${id}) could not be compiled`)
    cache.set(id, validate)
    return validate
  }
}

function unknownId(id: string, known: readonly string[], loadErrors: ReadonlyMap<string, string>): never {
  const broken = [...loadErrors].map(([f, why]) => `${f}: ${why}`)
  throw new Error(
    `no schema with $id "${id}" in ${SCHEMA_DIR}; known: ${known.join(', ') || '(none)'}` + (broken.length ? `; files that failed to load: ${broken.join('; ')}` : ''),
  )
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
