import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { REQUIREMENTS, selectRequirements } from '../src/catalogue/requirements.ts'
import { parseRunOptions } from '../src/cli/options.ts'
import { runCli, ROOT } from './support/cli.ts'

// Every recipe in the docs is tested: a code block marked `<!-- recipe: PATH -->` is that file, which runs in this
// test suite (test/recipes/) or is a workflow whose every `npx conformance` command line is one the CLI accepts.

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/** `<!-- recipe: PATH -->` followed by a fenced block: the block's text and the path it claims to be. */
function recipesOf(markdown: string): Array<{ path: string; block: string }> {
  return [...markdown.matchAll(/<!-- recipe: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map((m) => ({ path: m[1]!, block: m[2]! }))
}

/**
 * Every `npx conformance …` (or, in this repository, `npm run conformance -- …`) command in a text (shell blocks,
 * workflow `run:` lines), continuation lines joined.
 */
function commandsOf(text: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ').replace(/>-\n((?:\s{10,}\S.*\n?)+)/g, (_m, block: string) => block.replace(/\n\s*/g, ' '))
  return [...joined.matchAll(/(?:npx conformance|npm run conformance --|\.\/node_modules\/\.bin\/conformance)((?: [^\n`|&;#]+)?)/g)].map((m) => words(m[1] ?? ''))
}

/** Shell words, with workflow expressions and variables replaced by harmless values. */
function words(line: string): string[] {
  const cleaned = line
    .replace(/\$\{\{[^}]*\}\}/g, '1')
    .replace(/"\$\w*(?:TARGET|URL)"|\$\w*(?:TARGET|URL)\b/g, 'http://127.0.0.1:4010') // a variable holding a URL
    .replace(/"\$\w+"|\$\w+/g, 'x')
    .replace(/…/g, 'x')
  return [...cleaned.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

const SUBCOMMANDS = ['validate', 'sweep', 'merge', 'verify', 'sign', 'keygen', 'serve', 'diff'] as const
const helpOf = new Map<string, Promise<string>>()
const subcommandHelp = (name: string) => {
  if (!helpOf.has(name)) helpOf.set(name, runCli([name, '--help']).then((r) => r.stdout))
  return helpOf.get(name)!
}

describe('the docs', () => {
  test.each(DOCS)('%s: every recipe block is the file it names, word for word', (doc) => {
    for (const { path, block } of recipesOf(read(doc))) expect(block, `${doc} quotes ${path}`).toBe(read(path).trimEnd())
  })

  test('the three pages for the three users exist, each with a workflow to copy, and the recipes they quote run in npm test', () => {
    const quoted = DOCS.flatMap((d) => recipesOf(read(d)).map((r) => r.path))
    expect(quoted).toEqual(expect.arrayContaining(['docs/workflows/mock-gate.yml', 'docs/workflows/nightly.yml', 'docs/workflows/certify-matrix.yml', 'test/recipes/twilio-sdk-against-reference-server.test.ts', 'test/recipes/judge-your-mock.test.ts', 'test/recipes/certify.sh']))
    for (const page of ['docs/mock-ci.md', 'docs/nightly.md', 'docs/certify.md']) expect(recipesOf(read(page)).some((r) => r.path.startsWith('docs/workflows/')), page).toBe(true)
  })

  test.each(DOCS)('%s: every conformance command line is one the CLI accepts', async (doc) => {
    const text = read(doc) + recipesOf(read(doc)).map((r) => (r.path.endsWith('.yml') ? `\n${read(r.path)}` : '')).join('')
    for (const argv of commandsOf(text)) {
      const sub = SUBCOMMANDS.find((s) => s === argv[0])
      if (sub) {
        const help = await subcommandHelp(sub)
        for (const flag of argv.filter((a) => a.startsWith('--'))) expect(help, `${doc}: npx conformance ${argv.join(' ')}`).toContain(flag.split('=')[0]!)
      } else {
        expect(() => parseRunOptions(argv, {}, () => {}, () => 'version'), `${doc}: npx conformance ${argv.join(' ')}`).not.toThrow()
      }
    }
  })

  test('the workflows call the installed bin, which a cancelled job waits for (npx exits at once on a signal)', () => {
    for (const file of readdirSync(join(ROOT, 'docs/workflows'))) {
      const text = read(`docs/workflows/${file}`)
      expect(text, file).not.toMatch(/npx conformance/)
      expect(text, file).toMatch(/\.\/node_modules\/\.bin\/conformance /)
    }
  })

  test('the reader finds the commands (the test is not vacuous)', () => {
    expect(commandsOf(read('docs/certify.md')).length).toBeGreaterThan(5)
    expect(commandsOf(read('README.md')).length).toBeGreaterThan(10)
    expect(commandsOf(read('docs/workflows/certify-matrix.yml')).map((a) => a[0])).toEqual(['--target', 'verify', 'merge', 'sign', 'verify'])
  })

  test('the figures of certify.md are the catalogue\'s: requirements, cassettes (one per check), a subset', () => {
    const page = read('docs/certify.md')
    const checks = REQUIREMENTS.reduce((n, r) => n + (r.scopes?.length ?? 2), 0)
    const whole = [...page.matchAll(/(\d+) requirements from (\d+) cassettes/g)]
    expect(whole.length).toBeGreaterThan(0)
    for (const m of whole) expect([Number(m[1]), Number(m[2])]).toEqual([REQUIREMENTS.length, checks])
    const ofCatalogue = [...page.matchAll(/of (\d+) requirements/g)]
    expect(ofCatalogue.length).toBeGreaterThan(0)
    for (const m of ofCatalogue) expect(Number(m[1])).toBe(REQUIREMENTS.length)
    const subset = /\(`msg\.create`, or one shard\) shows\s+\*\*CONFORMANT \(partial: (\d+) of/.exec(page)
    expect(Number(subset?.[1])).toBe(selectRequirements(['msg.create']).length)
  })
})
