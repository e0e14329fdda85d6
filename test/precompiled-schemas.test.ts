/**
 * The build compiles the JSON Schemas to standalone validators (src/schemas/precompile.ts), which the compiled suite
 * uses instead of compiling them itself. These hold that code to the schemas as Ajv compiles them at run time: the
 * same errors, for every recorded response body against every response schema, valid or not.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import { afterAll, describe, expect, it } from 'vitest'
import { addSchemaFiles, createAjv, fingerprintOf, PRECOMPILED_FILE, readSchemaFiles } from '../src/schemas/ajv.ts'
import { precompileSchemas } from '../src/schemas/precompile.ts'
import { schemaIdOf, type SchemaName } from '../src/schemas/validate.ts'

const REPO = fileURLToPath(new URL('../', import.meta.url))
const SCHEMAS = join(REPO, 'schemas')
const CASSETTES = join(REPO, 'fixtures', 'cassettes')
const RESPONSE_SCHEMAS: SchemaName[] = ['message', 'service-message', 'message-page', 'service-message-page', 'error', 'conversation']

// The generated code requires Ajv's runtime helpers: it is written where the project's packages resolve.
const SCRATCH = join(REPO, 'node_modules', '.cache', 'precompiled-schemas-test')
mkdirSync(SCRATCH, { recursive: true })
const out = mkdtempSync(join(SCRATCH, 'out-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Every JSON response body of the recorded cassettes, plus a few made wrong on purpose. */
function corpus(): unknown[] {
  const bodies: unknown[] = []
  for (const file of readdirSync(CASSETTES).filter((f) => f.startsWith('msg.') && f.endsWith('.json'))) {
    for (const interaction of JSON.parse(readFileSync(join(CASSETTES, file), 'utf8')) as Array<{ response?: unknown }>) {
      if (typeof interaction.response === 'object' && interaction.response !== null) bodies.push(interaction.response)
    }
  }
  const message = bodies.find((b) => typeof (b as { sid?: unknown }).sid === 'string' && String((b as { sid: string }).sid).startsWith('IM')) as Record<string, unknown>
  bodies.push({ ...message, sid: 'IX' + 'a'.repeat(32), date_created: '2020-01-01 00:00', index: '3', attributes: {} }, { ...message, links: null }, [], null, 'text')
  return bodies
}

const shape = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message, data: e.data }))

describe('the precompiled validators', () => {
  const line = precompileSchemas(SCHEMAS, out)
  const code = createRequire(import.meta.url)(join(out, PRECOMPILED_FILE)) as Record<string, unknown>
  const ajv = createAjv()
  addSchemaFiles(ajv, readSchemaFiles(SCHEMAS))
  const bodies = corpus()

  it('are written for every schema file, named by the files they were made from', () => {
    expect(line).toMatch(/^schemas precompiled: 11 into /)
    expect(code['fingerprint']).toBe(fingerprintOf(readSchemaFiles(SCHEMAS)))
    expect(bodies.length).toBeGreaterThan(200)
  })

  it.each(RESPONSE_SCHEMAS)('judge every body as Ajv does against %s', (name) => {
    const id = schemaIdOf(name)
    const precompiled = code[id] as ValidateFunction
    const runtime = ajv.getSchema(id)!
    let invalid = 0
    for (const body of bodies) {
      const a = precompiled(body)
      const b = runtime(body)
      expect([a, shape(precompiled.errors)]).toEqual([b, shape(runtime.errors)])
      if (!a) invalid++
    }
    // Both sides of every schema are exercised: bodies it accepts and bodies it refuses.
    expect(invalid).toBeGreaterThan(0)
    expect(invalid).toBeLessThan(bodies.length)
  })

  it('are not written when a schema is broken (validation then compiles at run time and names the file)', () => {
    const broken = mkdtempSync(join(SCRATCH, 'schemas-'))
    try {
      for (const f of readSchemaFiles(SCHEMAS)) writeFileSync(join(broken, f.file), f.file === 'error.json' ? f.text.replace('"type": "object"', '"type": "objekt"') : f.text)
      const brokenOut = mkdtempSync(join(SCRATCH, 'out-'))
      expect(precompileSchemas(broken, brokenOut)).toMatch(/^schemas not precompiled .*error\.json/)
      expect(readdirSync(brokenOut)).toEqual([])
      rmSync(brokenOut, { recursive: true, force: true })
    } finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })
})
