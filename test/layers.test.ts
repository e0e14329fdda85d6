import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

// The import graph flows one way (DESIGN.md, "Layers"): a module imports only from its own layer or below, and no
// chain of imports comes back to where it started. Read from the sources as text, so it costs nothing to run.
const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** Folders from the top layer down; the number is the layer. `mock/` stands apart (see below). */
const LAYERS: ReadonlyArray<readonly [string, number]> = [
  ['bin', 6],
  ['bench', 6],
  ['src/cli', 6],
  ['src/mutation', 6],
  ['src/coverage', 6],
  ['src/lib', 6],
  ['reporters', 5],
  ['suites', 5],
  ['src/harness', 4],
  ['src/report', 3],
  ['src/validate', 3],
  ['src/record', 2],
  ['src/client', 1],
  ['src/catalogue', 1],
  ['src/schemas', 1],
  ['src/arbitraries', 1],
  ['src/run', 1],
]

function layerOf(file: string): { folder: string; layer: number } | undefined {
  const hit = LAYERS.filter(([folder]) => file.startsWith(`${folder}/`)).sort((a, b) => b[0].length - a[0].length)[0]
  return hit ? { folder: hit[0], layer: hit[1] } : undefined
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`
    if (e.isDirectory()) return sources(path)
    return /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

/** Relative imports (static, re-exports and dynamic) of one file, as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!)
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)))
}

const FILES = ['bin', 'bench', 'src', 'reporters', 'suites', 'mock'].flatMap(sources)
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]))

describe('the import graph', () => {
  test('every source folder has a layer', () => {
    const unplaced = FILES.filter((f) => !f.startsWith('mock/') && layerOf(f) === undefined)
    expect(unplaced, 'add the folder to LAYERS in test/layers.test.ts').toEqual([])
  })

  test('no import runs back up a layer', () => {
    const upward: string[] = []
    for (const [file, imports] of GRAPH) {
      const from = layerOf(file)
      for (const target of imports) {
        const to = layerOf(target)
        if (from && to && to.layer > from.layer) upward.push(`${file} (layer ${from.layer}) -> ${target} (layer ${to.layer})`)
      }
    }
    expect(upward).toEqual([])
  })

  test('mock/ imports nothing from the suite: the reference server stands apart', () => {
    const leaks = [...GRAPH].flatMap(([file, imports]) => (file.startsWith('mock/') ? imports.filter((t) => !t.startsWith('mock/')).map((t) => `${file} -> ${t}`) : []))
    expect(leaks).toEqual([])
  })

  test('no cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (file: string) => {
      state.set(file, 'open')
      stack.push(file)
      for (const next of GRAPH.get(file) ?? []) {
        if (!GRAPH.has(next)) continue
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '))
        else if (!state.has(next)) visit(next)
      }
      stack.pop()
      state.set(file, 'done')
    }
    for (const file of GRAPH.keys()) if (!state.has(file)) visit(file)
    expect(cycles).toEqual([])
  })

  test('the reader sees the imports (a file known to import, and a known edge)', () => {
    // Guards the test itself: a regex that matched nothing would pass every rule above.
    expect(GRAPH.get('src/harness/check.ts')).toContain('src/client/http.ts')
    expect([...GRAPH.values()].reduce((n, i) => n + i.length, 0)).toBeGreaterThan(200)
  })
})
