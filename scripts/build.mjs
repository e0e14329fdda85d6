// `npm run build`: the JavaScript the package runs, in dist/. In order:
//  1. tsc compiles src, mock, suites, reporters and bench (tsconfig.build.json);
//  2. the JSON Schemas are compiled to standalone validators (src/schemas/precompile.ts);
//  3. suites/load-checks.js becomes one file with every check and the suite code they use (esbuild; packages stay
//     imports), so a check worker loads one module instead of about a hundred;
//  4. dist/src/cli/entry.js is touched last: bin/conformance.mjs runs dist/ only when it is newer than every source.
import { execFileSync } from 'node:child_process'
import { copyFileSync, rmSync, utimesSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const require = createRequire(import.meta.url)

rmSync(dist, { recursive: true, force: true })
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })

const { precompileSchemas } = await import(pathToFileURL(join(dist, 'src', 'schemas', 'precompile.js')).href)
console.log(precompileSchemas(join(root, 'schemas'), join(dist, 'src', 'schemas')))

// The compiled loader (suites/load-checks.ts) is replaced by one file with every check in it. Each check is imported
// lazily, as the loader does, so a part loads only its own checks and in the same order.
const suites = join(dist, 'suites')
const { checkFiles } = await import(pathToFileURL(join(suites, 'check-files.js')).href)
const files = checkFiles(suites)
const loader = join(suites, 'load-checks.js')
await build({
  stdin: {
    contents: [
      "import { loadPart } from './check-files.js'",
      `const CHECKS = [\n${files.map((f) => `  () => import(${JSON.stringify(`./${relative(suites, f)}`)}),`).join('\n')}\n]`,
      'export const loadChecks = (part, parts) => loadPart(CHECKS, part, parts)',
    ].join('\n'),
    resolveDir: suites,
    sourcefile: 'load-checks.js',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outfile: loader,
  allowOverwrite: true,
  logLevel: 'warning',
})
console.log(`checks bundled: ${files.length} into ${relative(root, loader)}`)

// tsc compiles TypeScript only: the one-line refusal of `require('…/vitest')` (package.json exports) is copied.
copyFileSync(join(root, 'src', 'lib', 'vitest-require.cjs'), join(dist, 'src', 'lib', 'vitest-require.cjs'))

const now = new Date()
utimesSync(join(dist, 'src', 'cli', 'entry.js'), now, now)
