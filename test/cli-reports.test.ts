/**
 * The CLI's reports and selection, end to end (a separate process, as a user runs it): --list, prefix selection,
 * --report in all four formats, --level should, --expect. Runs use prefixes so only a few checks run.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { findRequirement, REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { validateById } from '../src/schemas/validate.ts'
import { runCli } from './support/cli.ts'
import { parseJunit } from './support/junit.ts'

const RUN_REPORT = 'urn:conversations-conformance:schema:run-report'
const tmp = mkdtempSync(join(tmpdir(), 'conformance-reports-'))

interface Report {
  verdict: string
  level: string
  gate: { passed: boolean; exitCode: number; reasons: string[]; notes: string[] }
  expectations?: { expired: string[]; unexpectedPasses: string[] }
  selection: { prefixes: string[]; requirements: number; catalogue: number; partial: boolean }
  results: Array<{ id: string; status: string; expectation?: { expired: boolean } }>
}
const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report

function expectOneCleanLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^conformance: /)
  expect(lines[0]).toMatch(pattern)
}

describe('without a target', () => {
  test('--list prints every requirement (ID, level, summary) and contacts nothing', async () => {
    // An unreachable --target without credentials: any attempt to run would exit 2.
    const run = await runCli(['--list', '--target', 'http://127.0.0.1:1'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.trim().split('\n')
    for (const r of REQUIREMENTS) {
      const line = lines.find((l) => l.startsWith(`${r.id} `))
      expect(line, r.id).toBeDefined()
      expect(line).toMatch(new RegExp(`^${r.id.replace(/\./g, '\\.')}\\s+${r.level}\\s+`))
      expect(line).toContain(r.summary)
    }
    expect(lines.at(-1)).toMatch(new RegExp(`^${REQUIREMENTS.length} requirements \\(\\d+ must, \\d+ should, \\d+ may\\)$`))
  })

  test('--list with prefixes lists only what they select', async () => {
    const run = await runCli(['--list', 'msg.delete', 'msg.create.status'])
    expect(run.code).toBe(0)
    const ids = run.stdout.trim().split('\n').slice(0, -1).map((l) => l.split(/\s+/)[0])
    expect(ids).toEqual(REQUIREMENTS.filter((r) => r.id.startsWith('msg.delete') || r.id.startsWith('msg.create.status')).map((r) => r.id))
  })

  test('--list with --record lists and writes nothing: no recording folder is made', async () => {
    const folder = join(tmp, 'list-record')
    const run = await runCli(['--list', 'msg.delete', '--record', folder])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^msg\.delete/)
    expect(existsSync(folder)).toBe(false)
  })

  test('a prefix that selects nothing: exit 2 with one line', async () => {
    const run = await runCli(['--list', 'msg.nothing'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, /no requirement ID starts with msg\.nothing/)
  })

  test('--level accepts must and should only', async () => {
    const run = await runCli(['--level', 'may'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, /--level.*must, should/)
  })

  test('a bad --expect file: exit 2 with one line naming the file and the problem, before anything runs', async () => {
    const file = join(tmp, 'bad-expect.json')
    writeFileSync(file, JSON.stringify({ target: 'x', known: [{ id: 'msg.create.status-201', reason: 'r', expires: 'next year' }] }))
    const run = await runCli(['--expect', file, 'msg.create.status-201'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, new RegExp(`--expect ${file.replace(/[.\\/]/g, '\\$&')}: /known/0/expires must match format "date"`))
    const missing = await runCli(['--expect', join(tmp, 'nope.json')])
    expect(missing.code).toBe(2)
    expectOneCleanLine(missing.stderr, /nope\.json: no such file/)
  })
})

describe('against the reference server with a fault', () => {
  let clean: ReferenceServer
  let faulty: ReferenceServer
  let shouldFaulty: ReferenceServer
  beforeAll(async () => {
    clean = await startReferenceServer()
    faulty = await startReferenceServer({ faults: ['create-200'] })
    shouldFaulty = await startReferenceServer({ faults: ['subject-limit-ignored'] })
  })
  afterAll(async () => {
    await Promise.all([clean.close(), faulty.close(), shouldFaulty.close()])
  })
  const creds = (s: ReferenceServer) => ['--target', s.url, '--account-sid', s.accountSid, '--auth-token', s.authToken]

  test('all four reports; prefix selection; nothing carries a credential', async () => {
    const files = { json: join(tmp, 'run.json'), junit: join(tmp, 'junit.xml'), html: join(tmp, 'certificate.html'), markdown: join(tmp, 'summary.md') }
    const selected = ['msg.create.status-201', 'msg.delete.status-204-empty']
    const run = await runCli([...creds(faulty), ...Object.entries(files).flatMap(([f, p]) => ['--report', `${f}:${p}`]), ...selected])
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout).toMatch(/✗ must\s+msg\.create\.status-201/)
    expect(run.stdout).toMatch(/^progress: 4\/4 checks, 2 failed .*done$/m)

    // JSON: valid against its schema, exactly the selected requirements.
    const report = readReport(files.json)
    expect(validateById(RUN_REPORT, report)).toEqual([])
    expect(report.results.map((r) => r.id)).toEqual(selected)
    expect(report).toMatchObject({ verdict: 'NOT CONFORMANT', level: 'must', gate: { passed: false, exitCode: 1 } })
    // A subset is partial, and every format says so: a certifier can refuse it.
    expect(report.selection).toMatchObject({ prefixes: selected, requirements: 2, partial: true })
    const partial = new RegExp(`partial: 2 of ${report.selection.catalogue} requirements`)

    // JUnit: the structure CI parsers need; the failure carries the evidence.
    const junit = parseJunit(readFileSync(files.junit, 'utf8'))
    expect(junit.counts).toEqual({ tests: 2, failures: 1, errors: 0, skipped: 0 })
    expect(readFileSync(files.junit, 'utf8')).toMatch(/<property name="verdict" value="NOT CONFORMANT \(partial: 2 of \d+ requirements\)"\/>/)
    expect(readFileSync(files.junit, 'utf8')).toMatch(/<property name="selection" value="2 of \d+ requirements selected/)
    const failed = junit.cases.find((c) => c.name === 'msg.create.status-201')!
    expect(failed).toMatchObject({ classname: 'msg.create', outcome: 'failure' })
    expect(failed.message).toContain('expected HTTP 201, got 200')
    expect(failed.body).toMatch(/^> POST \/v1\/Conversations\/CH[0-9a-f]{32}\/Messages$/m)
    expect(failed.body).toMatch(/^< 200 /m)

    // HTML certificate and Markdown summary: the verdict and the failed requirement with its evidence.
    const html = readFileSync(files.html, 'utf8')
    expect(html).toMatch(/<h1 id="verdict">NOT CONFORMANT \(partial: 2 of \d+ requirements\)<\/h1>/)
    expect(html).toMatch(/<p class="partial">A partial run: 2 of \d+ requirements selected[^<]*This is not a certificate of the target as a whole/)
    expect(html).toMatch(partial)
    expect(html).toMatch(/<tr id="msg\.create\.status-201" data-status="failed"[\s\S]*?<pre class="http">&gt; POST \/v1\/Conversations\//)
    const md = readFileSync(files.markdown, 'utf8')
    // Markdown escapes the parentheses (\\( renders as a parenthesis).
    expect(md).toMatch(/^## ❌ NOT CONFORMANT \\\(partial: 2 of \d+ requirements\\\)/)
    expect(md).toMatch(/^> \*\*Partial run:\*\* 2 of \d+ requirements selected/m)
    expect(md).toContain('<code>msg.create.status-201</code>')
    expect(md).toMatch(/```http\n> POST \/v1\/Conversations\//)

    // No report, nor the console, contains the token (plain, URL-encoded or in a Basic header) or an Authorization header.
    const basic = Buffer.from(`${faulty.accountSid}:${faulty.authToken}`).toString('base64')
    for (const [name, text] of [...Object.values(files).map((f) => [f, readFileSync(f, 'utf8')]), ['stdout', run.stdout]] as const) {
      expect(text, name).not.toContain(faulty.authToken)
      expect(text, name).not.toContain(encodeURIComponent(faulty.authToken))
      expect(text, name).not.toContain(basic)
      expect(text, name).not.toMatch(/authorization/i)
    }
  })

  test('--expect: a known failure is reported and does not fail the run', async () => {
    const file = join(tmp, 'known.json')
    const run = await runCli([...creds(faulty), '--expect', 'expectations/reference-create-200.json', '--report', `json:${file}`, '--report', `junit:${join(tmp, 'known.xml')}`, 'msg.create.status-201'])
    expect(run.code, run.stdout).toBe(0)
    const report = readReport(file)
    expect(validateById(RUN_REPORT, report)).toEqual([])
    expect(report.results[0]).toMatchObject({ id: 'msg.create.status-201', status: 'known-failure' })
    // The verdict stays true about the target; the gate passes.
    expect(report).toMatchObject({ verdict: 'NOT CONFORMANT', gate: { passed: true, exitCode: 0 } })
    expect(run.stdout).toMatch(/known failure until 2099-12-31/)
    expect(parseJunit(readFileSync(join(tmp, 'known.xml'), 'utf8')).cases[0]).toMatchObject({ outcome: 'skipped' })
  })

  test('--expect: a listed requirement that passes is flagged as an unexpected pass', async () => {
    const file = join(tmp, 'unexpected.json')
    const run = await runCli([...creds(clean), '--expect', 'expectations/reference-create-200.json', '--report', `json:${file}`, 'msg.create.status-201'])
    expect(run.code).toBe(0)
    const report = readReport(file)
    expect(report.results[0]!.status).toBe('unexpected-pass')
    expect(report.expectations!.unexpectedPasses).toEqual(['msg.create.status-201'])
    expect(run.stdout).toMatch(/passed although .*reference-create-200\.json lists it: remove the entry/)
  })

  test('--expect: an expired entry fails the run', async () => {
    const expired = join(tmp, 'expired.json')
    writeFileSync(expired, JSON.stringify({ target: 'create-200', known: [{ id: 'msg.create.status-201', reason: 'was to be fixed', expires: '2020-01-31' }] }))
    const file = join(tmp, 'expired-run.json')
    const run = await runCli([...creds(faulty), '--expect', expired, '--report', `json:${file}`, 'msg.create.status-201'])
    expect(run.code).toBe(1)
    const report = readReport(file)
    expect(report.results[0]).toMatchObject({ status: 'failed', expectation: { expired: true } })
    expect(report.expectations!.expired).toEqual(['msg.create.status-201'])
    expect(run.stdout).toMatch(/EXPIRED on 2020-01-31/)
  })

  test('--level should: a should failure fails the run (exit 1); without it, a warning (exit 0)', async () => {
    const id = 'msg.create.subject-over-limit'
    expect(findRequirement(id)?.level, `${id} is the should requirement this test breaks`).toBe('should')
    const junitFile = join(tmp, 'should.xml')
    const lenient = await runCli([...creds(shouldFaulty), '--report', `junit:${junitFile}`, id])
    expect(lenient.code, lenient.stdout).toBe(0)
    expect(lenient.stdout).toContain('CONFORMANT WITH WARNINGS')
    expect(lenient.stdout).toMatch(/✗ should\s+msg\.create\.subject-over-limit/)
    const c = parseJunit(readFileSync(junitFile, 'utf8')).cases[0]!
    expect(c.outcome).toBe('passed')
    expect(c.systemOut).toMatch(/^WARNING: should requirement failed/)

    const file = join(tmp, 'should.json')
    const strict = await runCli([...creds(shouldFaulty), '--level', 'should', '--report', `json:${file}`, '--quiet', id])
    expect(strict.code).toBe(1)
    expect(readReport(file)).toMatchObject({ verdict: 'CONFORMANT WITH WARNINGS', level: 'should', gate: { passed: false, exitCode: 1 } })
    // --quiet: the failure and the verdict, nothing else.
    expect(strict.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^✗ should\s+msg\.create\.subject-over-limit\s+\[default\] /),
      expect.stringMatching(/^CONFORMANT WITH WARNINGS \(partial: 1 of \d+ requirements\) {2}target http/),
      expect.stringMatching(/^1 of \d+ requirements selected \(msg\.create\.subject-over-limit\): a verdict on these only; should failures fail the run/),
      'gate failed (exit 1, level should)',
    ])
  })
})
