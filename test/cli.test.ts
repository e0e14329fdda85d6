import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { validateById } from '../src/schemas/validate.ts'
import { runCli } from './support/cli.ts'

const RUN_REPORT = 'urn:conversations-conformance:schema:run-report'
const tmp = mkdtempSync(join(tmpdir(), 'conformance-cli-'))

interface Report {
  verdict: string
  summary: { failed: number; mustFailed: number }
  results: Array<{ id: string; status: string; message: string; checks: Array<{ evidence?: unknown[] }> }>
}
const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report

describe('conformance CLI, end to end', () => {
  test('with no target it runs against the embedded reference server and passes', async () => {
    const file = join(tmp, 'embedded.json')
    const run = await runCli(['--report', `json:${file}`])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/✓ must\s+msg\.create\.status-201/)
    expect(run.stdout).toContain('CONFORMANT')
    const report = readReport(file)
    expect(validateById(RUN_REPORT, report)).toEqual([])
    expect(report.results.every((r) => r.status === 'passed')).toBe(true)
  })

  describe('against a separately started server', () => {
    let clean: ReferenceServer
    let faulty: ReferenceServer
    beforeAll(async () => {
      clean = await startReferenceServer()
      faulty = await startReferenceServer({ faults: ['create-200'] })
    })
    afterAll(async () => {
      await clean.close()
      await faulty.close()
    })
    const creds = (s: ReferenceServer) => ['--target', s.url, '--account-sid', s.accountSid, '--auth-token', s.authToken]

    test('a conformant target: exit 0 and a report that validates against its schema', async () => {
      const file = join(tmp, 'clean.json')
      const run = await runCli([...creds(clean), '--report', `json:${file}`])
      expect(run.code).toBe(0)
      const report = readReport(file)
      expect(validateById(RUN_REPORT, report)).toEqual([])
      expect(report.verdict).toBe('CONFORMANT')
      expect(JSON.stringify(report)).not.toContain(clean.authToken)
    })

    test('create answering 200: exit 1, and the report names the requirement with evidence', async () => {
      const file = join(tmp, 'faulty.json')
      const run = await runCli([...creds(faulty), '--report', `json:${file}`])
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/✗ must\s+msg\.create\.status-201/)
      const report = readReport(file)
      expect(validateById(RUN_REPORT, report)).toEqual([])
      expect(report.verdict).toBe('NOT CONFORMANT')
      const failed = report.results.find((r) => r.id === 'msg.create.status-201')!
      expect(failed.status).toBe('failed')
      expect(failed.message).toContain('expected HTTP 201')
      expect(failed.checks[0]!.evidence).toHaveLength(1)
      // The fault breaks only that requirement: nothing else may turn red.
      expect(report.results.filter((r) => r.status !== 'passed').map((r) => r.id)).toEqual(['msg.create.status-201'])
      expect(readFileSync(file, 'utf8')).not.toContain(faulty.authToken)
    })

    test('wrong credentials: exit 2 with one line', async () => {
      const run = await runCli(['--target', clean.url, '--account-sid', clean.accountSid, '--auth-token', 'wrong'])
      expect(run.code).toBe(2)
      expectOneCleanLine(run.stderr, /rejected the credentials/)
    })

    test('credentials from the environment are used', async () => {
      const run = await runCli(['--target', clean.url, 'msg.create'], { TWILIO_ACCOUNT_SID: clean.accountSid, TWILIO_AUTH_TOKEN: clean.authToken })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('msg.create.status-201')
      expect(run.stdout).not.toContain('msg.delete')
    })
  })

  test('an unreachable target: exit 2 with one line', async () => {
    const run = await runCli(['--target', 'http://127.0.0.1:1', '--account-sid', 'AC' + 'a'.repeat(32), '--auth-token', 'x'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, /connection refused/)
  })

  test('an unknown flag: exit 2 with one line', async () => {
    const run = await runCli(['--no-such-flag'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, /unknown option '--no-such-flag'/)
  })

  test('a target without credentials: exit 2 saying what to set', async () => {
    const run = await runCli(['--target', 'http://127.0.0.1:1'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, /TWILIO_ACCOUNT_SID/)
  })

  test('an unknown report format: exit 2 before anything runs', async () => {
    const run = await runCli(['--report', 'pdf:x.pdf'])
    expect(run.code).toBe(2)
    expectOneCleanLine(run.stderr, /format "pdf" is not known/)
  })

  test('--help explains the options and the exit status', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    for (const word of ['--target', '--account-sid', '--auth-token', '--report', 'Exit status', 'TWILIO_AUTH_TOKEN']) expect(run.stdout).toContain(word)
  })

  describe('targets that are not the API', () => {
    let html: Server
    let hanging: Server
    let htmlUrl = ''
    let hangingUrl = ''
    beforeAll(async () => {
      html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'))
      hanging = createServer(() => {}) // accepts, never answers
      htmlUrl = await listen(html)
      hangingUrl = await listen(hanging)
    })
    afterAll(() => {
      html.closeAllConnections()
      hanging.closeAllConnections()
      html.close()
      hanging.close()
    })
    const creds = ['--account-sid', 'AC' + 'a'.repeat(32), '--auth-token', 'x']

    test('a server answering HTML: exit 2 with one line', async () => {
      const run = await runCli(['--target', htmlUrl, ...creds])
      expect(run.code).toBe(2)
      expectOneCleanLine(run.stderr, /text\/html, not Twilio's JSON API/)
    })

    test('a server that never answers: exit 2 after the request timeout', async () => {
      const run = await runCli(['--target', hangingUrl, ...creds, '--timeout', '500'])
      expect(run.code).toBe(2)
      // Tried more than once (a GET is safe to repeat), and it says so: the time it took is not one timeout.
      expectOneCleanLine(run.stderr, /did not answer within 500 ms, [2-9] attempts in \d+\.\d s/)
    })
  })
})

function expectOneCleanLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^conformance: /)
  expect(lines[0]).toMatch(pattern)
  expect(stderr).not.toMatch(/\n\s+at /)
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)))
}
