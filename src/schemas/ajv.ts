/**
 * The one Ajv configuration, shared by the validation at run time (src/schemas/validate.ts) and the build step that
 * compiles the schemas ahead of time (src/schemas/precompile.ts), so both judge alike. Ajv is loaded with `require`
 * when this is first called: a thread that finds the precompiled validators never loads Ajv at all.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Ajv2020, Options } from 'ajv/dist/2020.js'

const require = createRequire(import.meta.url)

// strict mode, except strictRequired: it rejects the ordinary idiom `not: { required: [...] }` ("must not carry
// this property"), which schemas here use (run-report.json). test/schemas.test.ts checks the same thing for the
// response schemas instead: every name in a `required` list is defined in the sibling `properties`.
const OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true }

/** A new Ajv instance for draft 2020-12 with ajv-formats; `source` keeps the generated code (for precompiling). */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default
  const ajv = new AjvClass({ ...OPTIONS, ...(options.source ? { code: { source: true } } : {}) })
  addFormats(ajv)
  return ajv
}

/** The build's precompiled validators, next to the compiled validate.js (src/schemas/precompile.ts). */
export const PRECOMPILED_FILE = 'precompiled.cjs'

export interface SchemaFile {
  file: string
  text: string
}

/** The `*.json` files of a schema folder, in name order. */
export function readSchemaFiles(dir: string): SchemaFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
}

/** Names the exact schema files the validators were compiled from: precompiled validators are used only for these. */
export function fingerprintOf(files: readonly SchemaFile[]): string {
  const hash = createHash('sha256')
  for (const { file, text } of files) hash.update(`${file}\u0000${text}\u0000`)
  return hash.digest('hex')
}

/**
 * Adds every file to `ajv` (each is checked against the 2020-12 meta-schema). Returns `$id -> file name`, and for each
 * file that could not be added, why: a broken file breaks only itself and the schemas that `$ref` it.
 */
export function addSchemaFiles(ajv: Ajv2020, files: readonly SchemaFile[]): { ids: Map<string, string>; loadErrors: Map<string, string> } {
  const ids = new Map<string, string>()
  const loadErrors = new Map<string, string>()
  for (const { file, text } of files) {
    try {
      const schema: unknown = JSON.parse(text)
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error('not a JSON object')
      const id = (schema as { $id?: unknown }).$id
      if (typeof id !== 'string' || id === '') throw new Error('has no "$id"')
      const clash = ids.get(id)
      if (clash !== undefined) throw new Error(`"$id" ${id} is already used by ${clash}`)
      ajv.addSchema(schema as Record<string, unknown>)
      ids.set(id, file)
    } catch (err) {
      loadErrors.set(file, err instanceof Error ? err.message : String(err))
    }
  }
  return { ids, loadErrors }
}
