// The reference server's command line: start-up banner, clean shutdown, one-line usage errors.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startReferenceServer } from '../mock/server.ts'
import { basicAuth, TestClient } from '../mock/testkit.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

/** The credentials the CLI reads from the environment, removed so that a developer's own do not leak in. */
const CREDENTIAL_VARIABLES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET']

function cli(args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CREDENTIAL_VARIABLES.includes(name)))
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...base, ...env } })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    exited,
    out: () => stdout,
    err: () => stderr,
    async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
      for (let i = 0; i < 200; i++) {
        const m = pattern.exec(stdout)
        if (m) return m
        if (child.exitCode !== null) break
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`no ${pattern} in stdout: ${stdout} / stderr: ${stderr}`)
    },
  }
}

describe('mock/main.ts', { timeout: 20_000 }, () => {
  it('prints the URL and credentials, serves them, and exits 0 on SIGTERM', async () => {
    const run = cli(['--port', '0', '--account-sid', 'AC' + 'c'.repeat(32), '--auth-token', 'tok', '--fault', 'create-200,attributes-null'])
    const [, url] = await run.waitFor(/Reference server listening on (http:\/\/\S+)\n/)
    expect(run.out().split('\n')[0]).toBe(`CONFORMANCE_TARGET=${url} TWILIO_ACCOUNT_SID=AC${'c'.repeat(32)} TWILIO_AUTH_TOKEN=tok`)
    expect(run.out()).toContain(`Account SID: AC${'c'.repeat(32)}`)
    expect(run.out()).toMatch(/Auth token:\s+tok/)
    expect(run.out()).toMatch(/Faults on:\s+create-200, attributes-null/)
    const api = new TestClient({ url: url!, accountSid: 'AC' + 'c'.repeat(32), authToken: 'tok' })
    const conv = await api.conversation()
    expect((await api.post(`/v1/Conversations/${conv}/Messages`, { Body: 'x' })).status).toBe(200) // the fault is on
    expect(run.out()).toMatch(/Conditions on: none/)
    expect(run.out()).not.toMatch(/API key/) // not accepted, so not worth printing
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(run.err()).toBe('')
  })

  it('takes credentials from the environment, switches on conditions and prints the API key when it is accepted', async () => {
    const env = { TWILIO_ACCOUNT_SID: 'AC' + 'e'.repeat(32), TWILIO_AUTH_TOKEN: 'envtok', TWILIO_API_KEY: 'SK' + 'f'.repeat(32), TWILIO_API_SECRET: 'envsecret' }
    const run = cli(['--port', '0', '--condition', 'restricted-key', '--condition', 'latency=1,chat-body-limit', '--seed', '77'], env)
    const [, url] = await run.waitFor(/Reference server listening on (http:\/\/\S+)\n/)
    await run.waitFor(/Press Ctrl\+C/)
    expect(run.out()).toContain(`Account SID: ${env.TWILIO_ACCOUNT_SID}`)
    expect(run.out()).toMatch(/Auth token:\s+envtok/)
    expect(run.out()).toMatch(new RegExp(`API key:\\s+${env.TWILIO_API_KEY}`))
    expect(run.out()).toMatch(/API secret:\s+envsecret/)
    expect(run.out()).toMatch(/Conditions on: restricted-key, latency=1, chat-body-limit/)
    expect(run.out()).toMatch(/Seed:\s+77/)
    const [, service] = /Default service: (IS[0-9a-f]{32})/.exec(run.out())!
    const api = new TestClient({ url: url!, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN })
    expect((await api.get('/v1/Configuration')).json.default_chat_service_sid).toBe(service)
    expect((await api.get('/v1/Configuration', { auth: basicAuth(env.TWILIO_API_KEY, env.TWILIO_API_SECRET) })).status).toBe(403)
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it('lets flags override the environment', async () => {
    const run = cli(['--port', '0', '--account-sid', 'AC' + '1'.repeat(32), '--api-key', 'SK' + '2'.repeat(32), '--condition', 'api-keys'], {
      TWILIO_ACCOUNT_SID: 'AC' + 'e'.repeat(32),
      TWILIO_API_KEY: 'SK' + 'f'.repeat(32),
    })
    await run.waitFor(/Press Ctrl\+C/)
    expect(run.out()).toContain(`Account SID: AC${'1'.repeat(32)}`)
    expect(run.out()).toMatch(new RegExp(`API key:\\s+SK${'2'.repeat(32)}`))
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it.each([
    [['--prot', '1'], /unknown option '--prot'/],
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--fault', 'nope'], /Unknown fault "nope"; valid faults: create-200/],
    [['--variant', 'nope'], /Unknown variant "nope"/],
    [['--condition', 'nope'], /Unknown condition "nope"; valid conditions: latency/],
    [['--condition', 'latency=soon'], /"latency" takes an integer/],
    [['--seed', '-1'], /--seed/],
    [['stray'], /too many arguments/],
  ])('exits 2 with one line on stderr for %j', async (args, pattern) => {
    const run = cli(args)
    expect(await run.exited).toBe(2)
    expect(run.err()).toMatch(pattern)
    expect(run.err().trimEnd().split('\n')).toHaveLength(1)
    expect(run.err()).not.toMatch(/\s+at\s/) // no stack trace
  })

  it('exits 2 with one line when the port is in use', async () => {
    const taken = await startReferenceServer()
    try {
      const run = cli(['--port', new URL(taken.url).port])
      expect(await run.exited).toBe(2)
      expect(run.err()).toMatch(/^mock: cannot listen on 127\.0\.0\.1:\d+: address already in use\n$/)
    } finally {
      await taken.close()
    }
  })

  it('lists faults and variants with --list-faults', async () => {
    const run = cli(['--list-faults'])
    expect(await run.exited).toBe(0)
    for (const name of ['create-200', 'no-service-scope', 'page-size-clamp', 'list-lag[=MS]', 'transient-503[=N]', 'restricted-key']) expect(run.out()).toContain(name)
  })
})
