import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { runCli } from './support/cli.ts'

// What a run writes, and what it says: every output checked before the first request, recordings never replaced by
// surprise, a partial run labelled partial, an incomplete run ending with what to try next.

const tmp = mkdtempSync(join(tmpdir(), 'conformance-outputs-'))
let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer({ faults: ['subject-limit-ignored'] })
})
afterAll(() => server.close())
const target = () => ['--target', server.url, '--account-sid', server.accountSid, '--auth-token', server.authToken]

describe('outputs are checked before the first request', () => {
  test.each([
    ['a path under a file', () => 'json:README.md/x.json', /--report json:README\.md\/x\.json: cannot create the folder .*README\.md is a file/],
    ['a folder that cannot be made', () => 'json:/proc/nope/x.json', /--report json:\/proc\/nope\/x\.json: cannot create the folder \/proc\/nope/],
    ['a folder in place of the file', () => `junit:${tmp}`, /is a folder, not a file/],
  ])('--report %s: one line, exit 2, no request', async (_what, spec, message) => {
    const before = server.requestCount()
    const run = await runCli([...target(), '--report', spec()])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
    expect(server.requestCount()).toBe(before)
  })

  test('--record into a file, or under /proc: one line, exit 2, no request', async () => {
    const before = server.requestCount()
    for (const dir of ['README.md', '/proc/nope/recording']) {
      const run = await runCli([...target(), '--record', dir])
      expect(run.code).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toMatch(/^conformance: --record /)
    }
    expect(server.requestCount()).toBe(before)
  })
})

describe('the ledger folder is checked with the outputs, before the first request', () => {
  test('a --ledger-dir that cannot be made (under a file): one line naming it, exit 2, no request', async () => {
    const before = server.requestCount()
    const run = await runCli([...target(), '--ledger-dir', 'README.md/ledgers'])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^conformance: --ledger-dir README\.md\/ledgers \(where the run writes down what it creates, to delete it\): cannot create the folder .*README\.md is a file; run from a folder you can write, or give --ledger-dir$/m)
    expect(run.stdout).toBe('')
    expect(server.requestCount()).toBe(before)
  })

  test('a run that fails at start (refused credentials) leaves no empty recording folder behind', async () => {
    const dir = join(tmp, 'never-recorded')
    const run = await runCli(['--target', server.url, '--account-sid', server.accountSid, '--auth-token', 'not-the-token', '--record', dir])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(existsSync(dir)).toBe(false)
  })
})

describe('recordings are never overwritten by surprise', () => {
  const dir = join(tmp, 'recording')
  const cassettes = () => readdirSync(dir).filter((f) => f.startsWith('msg.')).sort()

  test('a new recording; then --record into it refuses; --record-merge re-records a subset and keeps the rest; --record-overwrite replaces it', async () => {
    const first = await runCli(['--seed', '3', '--record', dir, '--quiet', 'msg.delete'])
    expect(first.code, first.stderr).toBe(0)
    const recorded = cassettes()
    // Two scopes per requirement.
    const deleteChecks = 2 * REQUIREMENTS.filter((r) => r.id.startsWith('msg.delete')).length
    expect(recorded).toHaveLength(deleteChecks)

    const refused = await runCli(['--seed', '3', '--record', dir, 'msg.delete.status-204-empty'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/already holds a recording .*add --record-overwrite to replace it, or --record-merge/)
    expect(cassettes()).toEqual(recorded)

    const merged = await runCli(['--record', dir, '--record-merge', 'msg.delete.status-204-empty'])
    expect(merged.code, merged.stderr).toBe(0)
    expect(merged.stdout).toContain(`merged into the recording there: 2 cassettes re-recorded, ${deleteChecks - 2} kept`)
    expect(cassettes()).toEqual(recorded)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { seed: number; checks: unknown[]; merges: Array<{ select: string[]; rerecorded: number; kept: number }> }
    expect(manifest.seed).toBe(3)
    expect(manifest.checks).toHaveLength(deleteChecks)
    expect(manifest.merges).toEqual([expect.objectContaining({ select: ['msg.delete.status-204-empty'], rerecorded: 2, kept: deleteChecks - 2 })])
    // The merged recording still replays as one run.
    const replay = await runCli(['--replay', dir, '--quiet'])
    expect(replay.code, replay.stdout + replay.stderr).toBe(0)

    const replaced = await runCli(['--seed', '3', '--record', dir, '--record-overwrite', '--quiet', 'msg.delete.status-204-empty'])
    expect(replaced.code, replaced.stderr).toBe(0)
    expect(cassettes()).toEqual(['msg.delete.status-204-empty.default.json', 'msg.delete.status-204-empty.service.json'])
  })

  test('a folder holding other files is not a recording: refused, even with --record-overwrite', async () => {
    const other = join(tmp, 'not-a-recording')
    mkdirSync(other)
    writeFileSync(join(other, 'notes.txt'), 'mine')
    const run = await runCli(['--record', other, '--record-overwrite'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/holds 1 files but no recording/)
    expect(existsSync(join(other, 'notes.txt'))).toBe(true)
  })
})

describe('every run ends with something to act on', () => {
  test('--quiet still names a failing should requirement', async () => {
    const run = await runCli([...target(), '--quiet', 'msg.create.subject'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^✗ should msg\.create\.subject-over-limit {2}\[default\] a Subject of 257 characters/m)
    expect(run.stdout).toMatch(/^CONFORMANT WITH WARNINGS \(partial: 2 of \d+ requirements\)/m)
  })

  describe('against a target whose conversations cannot be created', () => {
    let broken: Server
    let url = ''
    beforeAll(async () => {
      broken = createServer((req, res) => {
        const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        if (req.url === '/v1/Configuration') return json(200, { default_chat_service_sid: 'IS' + 'b'.repeat(32) })
        json(400, { code: 50000, message: 'This account cannot create conversations', more_info: 'https://www.twilio.com/docs/errors/50000', status: 400 })
      })
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve))
      url = `http://127.0.0.1:${(broken.address() as { port: number }).port}`
    })
    afterAll(() => new Promise<void>((resolve) => broken.close(() => resolve())))

    test('INCOMPLETE ends with the first check that could not judge, its last exchange, and what to run next', async () => {
      const run = await runCli(['--target', url, '--account-sid', 'AC' + '1'.repeat(32), '--auth-token', 'hint-secret-token', 'msg.create.status-201'])
      expect(run.code).toBe(2)
      const tail = run.stdout.slice(run.stdout.indexOf('next:'))
      expect(tail).toMatch(/^next:\n {2}the first check that could not judge: msg\.create\.status-201 \[default\]: could not create a conversation to test in/)
      expect(tail).toMatch(/ {2}its last exchange: POST \/v1\/Conversations → 400 \{"code":50000,"message":"This account cannot create conversations"/)
      // In this repository's form (the tests run the bin from its root), with the run's seed, the credentials by name.
      expect(tail).toMatch(/ {2}see every request and answer: npm run conformance -- msg\.create\.status-201 --seed \d+ --verbose --target http:\/\/127\.0\.0\.1:\d+\n {4}with the credentials in TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN \(set them first/)
      expect(run.stdout + run.stderr).not.toContain('hint-secret-token')
    })
  })
})

describe('small conveniences', () => {
  test('--version: the suite version and the size of the catalogue', async () => {
    const run = await runCli(['--version'])
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string }
    expect(run.stdout.trim()).toBe(`${pkg.name} ${pkg.version} (${REQUIREMENTS.length} requirements: ${REQUIREMENTS.filter((r) => r.level === 'must').length} must, ${REQUIREMENTS.filter((r) => r.level === 'should').length} should)`)
  })

  test('a --target ending in /v1 gets a one-line correction, before any request', async () => {
    const before = server.requestCount()
    const run = await runCli(['--target', `${server.url}/v1`, '--account-sid', server.accountSid, '--auth-token', server.authToken])
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toBe(`conformance: --target "${server.url}/v1" ends in /v1, but the suite adds /v1 itself: use --target ${server.url}`)
    expect(server.requestCount()).toBe(before)
  })

  test('--help examples run as printed: npx conformance …, and it says how to run them inside this repository', async () => {
    const run = await runCli(['--help'])
    expect(run.stdout).toContain('inside this repository use "npm run conformance --" in place of "npx conformance"')
    const examples = run.stdout.split('\n').filter((l) => /^\s{2}\S/.test(l) && /conformance/.test(l) && !/^\s{2}(0|1|2|130)/.test(l))
    expect(examples.length).toBeGreaterThan(5)
    for (const line of examples.filter((l) => l.trim().startsWith('npx') || l.trim().startsWith('conformance'))) expect(line.trim()).toMatch(/^npx conformance/)
  })
})
