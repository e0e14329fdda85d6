// `npm run build`: the JavaScript the package runs, in dist/. In order:
//  1. tsc compiles src, mock, suites, reporters and bench (tsconfig.build.json);
//  2. the JSON Schemas are compiled to standalone validators (src/schemas/precompile.ts);
//  3. each suites/part-N.run.js becomes one file with its part's checks and the suite code they use (esbuild;
//     packages stay imports), so a check worker loads one module instead of about a hundred;
//  4. dist/src/cli/entry.js is touched last: bin/conformance.mjs runs dist/ only when it is newer than every source.
import { execFileSync } from 'node:child_process'
import { rmSync, utimesSync } from 'node:fs'
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

const suites = join(dist, 'suites')
const { PARTS, checkFilesOfPart } = await import(pathToFileURL(join(suites, 'load-checks.js')).href)
for (let part = 0; part < PARTS; part++) {
  const files = checkFilesOfPart(suites, part)
  const outfile = join(suites, `part-${part + 1}.run.js`)
  await build({
    // Static imports in the order loadChecks imports them: the tests register in the same order.
    stdin: { contents: files.map((f) => `import ${JSON.stringify(`./${relative(suites, f)}`)}`).join('\n'), resolveDir: suites, sourcefile: `part-${part + 1}.run.js` },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    allowOverwrite: true,
    logLevel: 'warning',
  })
  console.log(`checks bundled: ${files.length} into ${relative(root, outfile)}`)
}

const now = new Date()
utimesSync(join(dist, 'src', 'cli', 'entry.js'), now, now)
