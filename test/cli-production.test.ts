import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'
import { validateById } from '../src/schemas/validate.ts'
import { runCli, startCli } from './support/cli.ts'
import { parseJunit } from './support/junit.ts'
import { countResources } from './support/resources.ts'

// A real account, imitated by the reference server's production conditions (mock/conditions.ts): slow, lagging,
// failing transiently, rate limiting in bursts, API keys that may not read the configuration, Users made behind the
// suite's back. The suite must not cry wolf, and must leave nothing behind, also when it is interrupted or killed.

const RUN_REPORT = 'urn:conversations-conformance:schema:run-report'
const tmp = mkdtempSync(join(tmpdir(), 'conformance-production-'))
const servers: ReferenceServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function server(conditions: string[]): Promise<ReferenceServer> {
  const s = await startReferenceServer({ conditions, seed: 11 })
  servers.push(s)
  return s
}
const keyFlags = (s: ReferenceServer) => ['--target', s.url, '--account-sid', s.accountSid, '--api-key', s.apiKey, '--api-secret', s.apiSecret]
const accountFlags = (s: ReferenceServer) => ['--target', s.url, '--account-sid', s.accountSid, '--auth-token', s.authToken]

interface Report {
  verdict: string
  transient: { rateLimited: number; faults: Record<string, number> }
  settle: { delayed: number }
  target: { account?: string; credentials?: string }
}

describe('a target that behaves like production', () => {
  test('a key that may not read /v1/Configuration: without --service-sid one line naming the flag, exit 2; with it, CONFORMANT', async () => {
    const s = await server(['restricted-key', 'auto-users', 'list-lag=200', 'transient-503=6', 'rate-limit-burst=200', 'latency=3', 'chat-body-limit'])
    const refused = await runCli(keyFlags(s))
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(/refused GET \/v1\/Configuration with 403.*pass --service-sid IS…/)
    expect(await countResources(s)).toEqual({ services: [], conversations: 0, participants: 0, users: 0 })

    const file = join(tmp, 'key.json')
    const selected = ['msg.list.contains-created', 'msg.delete', 'msg.update.applies-changes', 'msg.representation.participant-sid-author', 'msg.create.body-over-limit']
    const run = await runCli([...keyFlags(s), '--service-sid', s.defaultServiceSid, '--settle', '3000', '--report', `json:${file}`, ...selected])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^conformance: target http:\/\/127\.0\.0\.1:\d+ · account AC…[0-9a-f]{4} with API key SK…[0-9a-f]{4} · profile ci$/m)
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report
    expect(validateById(RUN_REPORT, report)).toEqual([])
    expect(report.verdict).toBe('CONFORMANT')
    expect(report.target).toMatchObject({ credentials: 'API key', account: `AC…${s.accountSid.slice(-4)}` })
    // What it took is in the report: the 503s it repeated, the reads that waited for the lagging list.
    expect(report.transient.faults['503']).toBeGreaterThan(0)
    expect(report.settle.delayed).toBeGreaterThan(0)
    expect(run.stdout).toMatch(/^transient faults retried, not judged: .*transient 503/m)
    expect(run.stdout).toMatch(/^settling: \d+ reads? waited for a write to show/m)
    // Nothing left behind: the conversations, their participants, and the Users the server made for them.
    expect(await countResources(s)).toEqual({ services: [], conversations: 0, participants: 0, users: 0 })
  })

  test('--api-key without --api-secret, or without --account-sid: one line that says what to pass', async () => {
    const s = await server([])
    const noSecret = await runCli(['--target', s.url, '--api-key', s.apiKey, '--account-sid', s.accountSid])
    expect(noSecret.code).toBe(2)
    expect(noSecret.stderr).toMatch(/^conformance: --api-key needs --api-secret/)
    const noAccount = await runCli(['--target', s.url, '--api-key', s.apiKey, '--api-secret', s.apiSecret])
    expect(noAccount.stderr).toMatch(/^conformance: --api-key names a key, not the account: also pass --account-sid/)
    expect(s.requestCount()).toBe(0)
  })

  test('SIGINT in the middle of a live run: the bin exits after its cleanup with 130, every report says 130 and INCOMPLETE, nothing left on the server', async () => {
    const s = await server(['latency=20', 'auto-users'])
    const files = { json: join(tmp, 'int.json'), junit: join(tmp, 'int.xml'), html: join(tmp, 'int.html'), markdown: join(tmp, 'int.md') }
    // Started as the docs' workflows start it (./node_modules/.bin/conformance: the bin through its #! line).
    const { child, done } = startCli([...accountFlags(s), '--profile', 'live', '--ledger-dir', join(tmp, 'ledgers-int'), ...Object.entries(files).flatMap(([f, p]) => ['--report', `${f}:${p}`])], {}, 300_000, true)
    await waitFor(() => s.requestCount() > 20)
    child.kill('SIGINT')
    const run = await done
    // Counted the moment the process has exited: the cleanup happened before it, not behind it.
    const left = await countResources(s)
    expect(run.code, run.stderr).toBe(130)
    expect(run.stderr).toContain('SIGINT: stopping the checks')
    expect(run.stdout).toMatch(/^INCOMPLETE {2}target /m)
    expect(run.stdout).toMatch(/^gate failed \(exit 130, level must\)$/m)
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toMatchObject({ verdict: 'INCOMPLETE', interrupted: 'SIGINT', gate: { passed: false, exitCode: 130 } })
    const junit = readFileSync(files.junit, 'utf8')
    expect(junit).toContain('<property name="interrupted" value="SIGINT"/>')
    expect(parseJunit(junit).counts.errors).toBeGreaterThanOrEqual(1)
    expect(junit).toMatch(/<testcase name="interrupted" classname="conformance\.run" time="0">\n {6}<error message="the run was interrupted by SIGINT \(exit 130\); \d+ gated requirements were not judged"/)
    expect(readFileSync(files.html, 'utf8')).toContain('<h1 id="verdict">INCOMPLETE</h1>')
    expect(readFileSync(files.html, 'utf8')).toContain('<dd>FAILED (exit status 130)</dd>')
    expect(readFileSync(files.markdown, 'utf8')).toMatch(/^## ⚠️ INCOMPLETE/)
    expect(readFileSync(files.markdown, 'utf8')).toContain('gate FAILED \\(exit 130, level must\\)')
    // The shared second service is kept on purpose (empty); nothing else the run made remains.
    expect({ ...left, services: left.services.filter((n) => n !== 'conformance-suite shared second service') }).toEqual({ services: [], conversations: 0, participants: 0, users: 0 })
  })

  test('after a run killed with SIGKILL, sweep deletes what it left (--dry-run only lists), and nothing unmarked', async () => {
    const s = await server(['latency=20', 'auto-users'])
    const ledgers = join(tmp, 'ledgers-kill')
    const { child, done } = startCli([...accountFlags(s), '--profile', 'live', '--ledger-dir', ledgers, 'msg.representation.participant-sid-author'])
    const owned = new TestClient(s)
    await owned.post('/v1/Conversations', { FriendlyName: 'a customer conversation' })
    await owned.post('/v1/Users', { Identity: 'alice' })
    await waitFor(async () => {
      const now = await countResources(s)
      return now.users > 1 && now.conversations > 1
    })
    // While the run goes on, its ledger's process is alive: sweep refuses, in one line, and deletes nothing.
    const early = await runCli(['sweep', ...accountFlags(s), '--ledger-dir', ledgers])
    expect(early.code, early.stdout).toBe(2)
    expect(early.stderr.trim().split('\n')).toHaveLength(1)
    expect(early.stderr).toMatch(/^conformance: sweep: a run is still going against http:\/\/127\.0\.0\.1:\d+ \(process \d+, ledger .*\.jsonl\): sweep when it has ended/)
    child.kill('SIGKILL')
    await done
    const before = await countResources(s)
    expect(before.conversations).toBeGreaterThan(1)

    // A --timeout that is no number is refused, as a run refuses it, before anything is listed.
    const badTimeout = await runCli(['sweep', ...accountFlags(s), '--ledger-dir', ledgers, '--timeout', 'soon'])
    expect(badTimeout.code).toBe(2)
    expect(badTimeout.stderr.trim()).toBe('conformance: --timeout "soon" must be a whole number, at least 100')

    const dry = await runCli(['sweep', ...accountFlags(s), '--ledger-dir', ledgers, '--dry-run'])
    expect(dry.code, dry.stderr).toBe(0)
    // The run may be killed in either URL scope's check, so what it left is a conversation in one scope or the other.
    expect(dry.stdout).toMatch(/would delete conversation \/v1\/(Services\/IS[0-9a-fA-F]{32}\/)?Conversations\/CH/)
    expect(dry.stdout).toContain('dry run, nothing deleted')
    expect(await countResources(s)).toEqual(before)

    const swept = await runCli(['sweep', ...accountFlags(s), '--ledger-dir', ledgers])
    expect(swept.code, swept.stderr).toBe(0)
    expect(swept.stdout).toMatch(/^sweep: deleted \d+ /m)
    expect(await countResources(s)).toMatchObject({ conversations: 1, participants: 0, users: 1 })
  })

  test('two runs at once against one target with the same run ID (recordings of one seed): each cleans up only what it made', async () => {
    const s = await server([])
    const ledgers = join(tmp, 'ledgers-twins')
    const twin = (name: string, ...select: string[]) =>
      runCli([...accountFlags(s), '--seed', '7', '--ledger-dir', ledgers, '--record', join(tmp, `twin-${name}`), '--quiet', ...select])
    // The short run ends while the long one still works in its conversations.
    const [long, short] = await Promise.all([twin('long', 'msg.list'), twin('short', 'msg.create.status-201')])
    expect(short.code, short.stdout).toBe(0)
    expect(long.code, long.stdout).toBe(0)
    expect(long.stdout).toMatch(/^CONFORMANT \(partial: \d+ of \d+ requirements\)/m)
    const left = await countResources(s)
    expect({ ...left, services: left.services.filter((n) => n !== 'conformance-suite shared second service') }).toEqual({ services: [], conversations: 0, participants: 0, users: 0 })
  })
})

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  // A count taken while the run deletes things may hit a conversation that just went: that is a 'not yet'.
  while (!(await Promise.resolve().then(condition).catch(() => false))) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}
