#!/usr/bin/env node
// The package bin. It runs the compiled CLI (dist/, made by `npm run build`; always present in the published
// package) as plain JavaScript: no TypeScript is compiled on a user's machine. In a checkout whose sources changed
// after the last build, it runs the sources through tsx instead, so a developer never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`conformance: needs Node.js 20.19 or later (20, 22 or 24); this is ${process.version}\n`)
  process.exit(2)
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const compiled = join(root, 'dist', 'src', 'cli', 'entry.js')

/** The newest modification time of the TypeScript sources under these folders (0 where there are none). */
function newestSource(dirs) {
  let newest = 0
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path)
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const d of dirs) if (existsSync(join(root, d))) walk(join(root, d))
  return newest
}

if (existsSync(compiled) && newestSource(['src', 'mock', 'suites', 'reporters']) <= statSync(compiled).mtimeMs) {
  await import(compiled)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/entry.ts')
}
