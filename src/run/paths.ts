/**
 * Where the package's files are, whether this module runs from the TypeScript sources (`src/run/paths.ts`) or
 * compiled (`dist/src/run/paths.js`): the package root is the nearest folder above that holds a package.json.
 * Data files (schemas/, package.json) are read from there; check files from `checksDir()`.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = fileURLToPath(import.meta.url)

function findRoot(): string {
  let dir = dirname(HERE)
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error(`no package.json above ${HERE}`)
    dir = up
  }
  return dir
}

/** The package root (with a trailing separator), e.g. `/home/me/project/node_modules/twilio-conversations-message-conformance/`. */
export const PACKAGE_ROOT = join(findRoot(), '/')

/** True when this code runs compiled (from dist/): the checks are then the compiled ones too. */
export const COMPILED = HERE.endsWith('.js')

/** The folder that holds the check files this code runs: `suites/` (sources) or `dist/suites/` (compiled). */
export const CODE_ROOT = COMPILED ? join(PACKAGE_ROOT, 'dist', '/') : PACKAGE_ROOT

/** The ending of check files in CODE_ROOT: `.check.ts` or `.check.js`. */
export const CHECK_FILE_SUFFIX = COMPILED ? '.check.js' : '.check.ts'
