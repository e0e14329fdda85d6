import { execFile } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT } from '../support/cli.ts'
import { makeDiffReports } from '../support/diff-reports.ts'

// The nightly workflow's own steps (docs/workflows/nightly.yml), run as GitHub would run them, minus GitHub: the
// step's shell from the YAML, in a folder laid out as the job's (reports/run.json tonight, last/run.json restored
// from the cache), with $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT temp files, `./node_modules/.bin/conformance` this checkout's CLI,
// and `gh` a stand-in that logs what it was asked.

const run = promisify(execFile)
const WORKFLOW = readFileSync(join(ROOT, 'docs/workflows/nightly.yml'), 'utf8')

/** The `run: |` block of the step with this name, unindented. */
function stepScript(name: string): string {
  const lines = WORKFLOW.split('\n')
  const at = lines.findIndex((l) => l.trim() === `- name: ${name}`)
  if (at < 0) throw new Error(`no step "${name}" in nightly.yml`)
  const stepIndent = lines[at]!.indexOf('-')
  const runAt = lines.findIndex((l, i) => i > at && l.trim() === 'run: |')
  const body: string[] = []
  for (const line of lines.slice(runAt + 1)) {
    if (line.trim() !== '' && line.search(/\S/) <= stepIndent + 2) break
    body.push(line)
  }
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.search(/\S/)))
  expect(lines.slice(at, runAt).some((l, i) => i > 0 && /^\s*- /.test(l)), `the run: | block belongs to "${name}"`).toBe(false)
  return body.map((l) => l.slice(indent)).join('\n')
}

let reports: Awaited<ReturnType<typeof makeDiffReports>>
const base = mkdtempSync(join(tmpdir(), 'conformance-nightly-'))
/** Stand-ins: the job's installed bin runs this checkout's CLI; gh (on PATH) logs its arguments and answers `issue list` from $GH_ISSUES. */
const bin = join(base, 'bin')
beforeAll(async () => {
  reports = await makeDiffReports(base)
  mkdirSync(bin)
  writeFileSync(join(bin, 'conformance'), `#!/bin/sh\nexec node "${join(ROOT, 'bin/conformance.mjs')}" "$@"\n`)
  writeFileSync(join(bin, 'gh'), '#!/bin/sh\necho "gh $*" >> "$GH_LOG"\n[ "$1 $2" = "issue list" ] && printf "%s" "$GH_ISSUES"\nexit 0\n')
  for (const f of ['conformance', 'gh']) chmodSync(join(bin, f), 0o755)
}, 240_000)

/** A job's folder with tonight's report and, if given, last night's; runs a step's shell there. */
async function job(tonight: string | undefined, lastNight: string | undefined) {
  const dir = mkdtempSync(join(base, 'job-'))
  mkdirSync(join(dir, 'reports'))
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true })
  copyFileSync(join(bin, 'conformance'), join(dir, 'node_modules/.bin/conformance'))
  if (tonight) copyFileSync(tonight, join(dir, 'reports/run.json'))
  if (lastNight) {
    mkdirSync(join(dir, 'last'))
    copyFileSync(lastNight, join(dir, 'last/run.json'))
  }
  const env = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), GITHUB_OUTPUT: join(dir, 'output'), GH_LOG: join(dir, 'gh.log'), GH_TOKEN: 'x' }
  const step = async (name: string, extra: Record<string, string> = {}) => {
    try {
      await run('bash', ['-e', '-c', stepScript(name)], { cwd: dir, env: { ...env, ...extra } })
      return 0
    } catch (err) {
      return (err as { code: number }).code
    }
  }
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '')
  return { dir, step, read }
}

describe('the nightly workflow, minus GitHub', () => {
  test('another allowed reading since last night: the diff goes to the step summary, changed=true, the issue is opened, then commented on; the step passes', async () => {
    const j = await job(reports.variant, reports.clean)
    expect(await j.step('What changed')).toBe(0)
    const summary = j.read('summary.md')
    expect(summary).toContain('## Conformance: what changed')
    expect(summary).toContain('| `msg.list.page-size-out-of-range` | page-size-101 | refused with 400 | clamped to 100 |')
    expect(summary).toContain('| `message /x_conformance_extra` | new: the schemas do not know it |')
    expect(summary).toContain('| `msg.create.body-over-limit` | create 400 20001 | create 400 50504 |')
    expect(summary).toBe(j.read('reports/diff.md'))
    expect(j.read('output')).toBe('changed=true\n')

    // No open issue yet: one is opened with the diff as its body; with one open, it is commented on.
    expect(await j.step('Issue')).toBe(0)
    expect(await j.step('Issue', { GH_ISSUES: '42\n' })).toBe(0)
    const gh = j.read('gh.log').trim().split('\n')
    expect(gh[1]).toBe('gh issue create --title Twilio Conversations conformance: the service changed --body-file reports/diff.md')
    expect(gh[3]).toBe('gh issue comment 42 --body-file reports/diff.md')

    expect(await j.step('Keep this report for tomorrow')).toBe(0)
    expect(j.read('last/run.json')).toBe(readFileSync(reports.variant, 'utf8'))
  }, 60_000)

  test('a must regressed: the step fails (exit 1) after writing the summary, and still says changed=true', async () => {
    const j = await job(reports.fault, reports.clean)
    expect(await j.step('What changed')).toBe(1)
    expect(j.read('summary.md')).toContain('| ❌ `msg.create.status-201` | must | passed | failed |')
    expect(j.read('output')).toBe('changed=true\n')
  }, 60_000)

  test('the first night: nothing to compare, said in the summary; nothing changed', async () => {
    const j = await job(reports.clean, undefined)
    expect(await j.step('What changed')).toBe(0)
    expect(j.read('summary.md')).toBe("No earlier report to compare with: tomorrow's run will say what changed.\n")
    expect(j.read('output')).toBe('changed=false\n')
    expect(await j.step('Keep this report for tomorrow')).toBe(0)
    expect(j.read('last/run.json')).toBe(readFileSync(reports.clean, 'utf8'))
  }, 60_000)

  test('the same report twice: nothing changed but latency, changed=false (no issue)', async () => {
    const j = await job(reports.clean, reports.clean)
    expect(await j.step('What changed')).toBe(0)
    expect(j.read('summary.md')).toContain('Nothing changed but latency.')
    expect(j.read('output')).toBe('changed=false\n')
  }, 60_000)
})
