// The names the docs give (library exports, matchers, the reference server's fields and options, flags, npm scripts,
// the profiles' numbers) are checked against the code here, so a rename or a new default cannot leave a page behind.
// Commands of `npx conformance` are checked in test/docs.test.ts, the endpoint list in test/docs-endpoints.test.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { serveCommand } from '../mock/command.ts'
import * as library from '../src/lib/index.ts'
import { conformanceMatchers } from '../src/lib/vitest.ts'
import { PROFILES } from '../src/run/profiles.ts'
import { ROOT } from './support/cli.ts'

const PAGES = ['README.md', 'docs/mock-ci.md', 'docs/nightly.md', 'mock/README.md']
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const codeSpans = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)

/** Every source file under these folders. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []))
}

/** The long flags some command of the suite declares (commander's `.option('--x …'` and `new Option('--x …'`), and its own. */
const DECLARED = new Set(['--help', '--version', ...['src', 'mock'].flatMap(sources).flatMap((f) => [...read(f).matchAll(/(?:option|Option)\(\s*'(?:-\w, )?(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]!))])

async function serveFlags(): Promise<string> {
  let help = ''
  expect(await serveCommand(['--help'], { command: 'mock', prefix: 'mock', env: {}, out: (s) => (help += s), err: () => {} })).toBe(0)
  return help
}

describe('the docs name what the code has', () => {
  test.each(PAGES)('%s: every library function and matcher it names is exported', (page) => {
    const names = new Set([...Object.keys(library), ...Object.keys(conformanceMatchers)])
    const named = codeSpans(read(page)).flatMap((span) => [...span.matchAll(/\b((?:validate|start|toBe)[A-Z]\w*)\b/g)].map((m) => m[1]!))
    for (const name of named) expect(names, `${page} names ${name}`).toContain(name)
  })

  test('mock-ci.md lists the fields of a started reference server, all of them', async () => {
    const listed = /`startReferenceServer\(options\?\)` → `\{ ([^}]+) \}`/.exec(read('docs/mock-ci.md'))![1]!.split(', ').map((f) => f.replace('()', ''))
    const server = await library.startReferenceServer()
    try {
      expect([...listed].sort()).toEqual(Object.keys(server).sort())
    } finally {
      await server.close()
    }
  })

  test('the options of startReferenceServer the pages list are its options', () => {
    const declared = /export interface ReferenceServerOptions \{([\s\S]*?)\n\}/.exec(read('mock/server.ts'))![1]!
    const options = new Set([...declared.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]!))
    const mockReadme = /Options of `startReferenceServer`: ([^.]+)\./.exec(read('mock/README.md'))![1]!
    const mockCi = /Options:\n\n((?:- .*\n(?: .*\n)*)+)/.exec(read('docs/mock-ci.md'))![1]!.split('\n').filter((l) => l.startsWith('- '))
    const named = [...codeSpans(mockReadme), ...mockCi.flatMap((line) => codeSpans(line.split(':')[0]!))].filter((n) => /^[a-z]\w*$/.test(n))
    expect(named.length).toBeGreaterThan(10)
    for (const name of named) expect(options, name).toContain(name)
  })

  test.each(PAGES)('%s: every flag it names is declared by a command', (page) => {
    const flags = codeSpans(read(page)).flatMap((span) => [...span.matchAll(/(?:^|\s)(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]!))
    for (const flag of flags) expect(DECLARED, `${page} names ${flag}`).toContain(flag)
  })

  test.each(PAGES)('%s: every reference-server command line uses the server flags', async (page) => {
    const help = await serveFlags()
    const lines = read(page).split('\n').filter((l) => /npm run mock --|tsx mock\/main\.ts|conformance serve /.test(l))
    for (const line of lines) for (const [flag] of line.matchAll(/--[a-z][a-z0-9-]*/g)) expect(help, `${page}: ${line}`).toContain(flag)
  })

  // mock-ci.md and nightly.md speak of the user's project and its own scripts (`npm run start:mock`).
  test.each(['README.md', 'mock/README.md'])('%s: every npm script it runs exists', (page) => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts)
    for (const [, name] of read(page).matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)) expect(scripts, `${page}: npm run ${name}`).toContain(name)
  })

  test("README's numbers of the profiles and the defaults are the code's", () => {
    const readme = read('README.md').replace(/\s+/g, ' ')
    const { ci, live } = PROFILES
    expect(readme).toContain(`\`ci\` runs ${ci.concurrency} checks at a time with ${ci.numRuns} inputs per property`)
    expect(readme).toContain(`\`live\` one check at a time, ${live.minIntervalMs} ms between requests, ${live.numRuns} inputs per property`)
    expect(live.concurrency).toBe(1)
  })

  test('the reader finds what it checks (the tests are not vacuous)', () => {
    expect(DECLARED.size).toBeGreaterThan(30)
    expect(codeSpans(read('README.md')).length).toBeGreaterThan(100)
  })
})
