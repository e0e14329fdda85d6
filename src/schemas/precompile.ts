/**
 * A build step (scripts/build.mjs): compiles every schema in schemas/ to standalone validator code,
 * written next to the compiled validate.js as precompiled.cjs. Each check thread then loads plain functions instead
 * of loading Ajv and compiling the schemas (and the 2020-12 meta-schema) itself, which cost more than 0.1 s a thread.
 * The file names the schema files it was made from (a fingerprint); validate.ts uses it only when they still match.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { addSchemaFiles, createAjv, fingerprintOf, PRECOMPILED_FILE, readSchemaFiles } from './ajv.ts'

/** Writes the precompiled validators into `outDir`; returns a line saying what it did. */
export function precompileSchemas(schemaDir: string, outDir: string): string {
  const out = join(outDir, PRECOMPILED_FILE)
  rmSync(out, { force: true })
  const files = readSchemaFiles(schemaDir)
  const ajv = createAjv({ source: true })
  const { ids, loadErrors } = addSchemaFiles(ajv, files)
  const broken = [...loadErrors].map(([file, why]) => `${file}: ${why}`)
  for (const [id, file] of ids) {
    try {
      ajv.getSchema(id)
    } catch (err) {
      broken.push(`${file}: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  // A broken schema is reported by validate.ts at run time, per schema; precompiled code would hide which.
  if (broken.length > 0) return `schemas not precompiled (validation compiles them at run time): ${broken.join('; ')}`
  // The generated code starts with "use strict", which must stay first.
  const code = standaloneCode(ajv, Object.fromEntries([...ids.keys()].map((id) => [id, id])))
  writeFileSync(out, `${code}\nexports.fingerprint = ${JSON.stringify(fingerprintOf(files))};\n`)
  return `schemas precompiled: ${ids.size} into ${out}`
}
