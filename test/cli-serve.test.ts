// `conformance serve`: the reference server as a process of the installed command, for clients in any language.
import { afterEach, describe, expect, test } from 'vitest'
import { basicAuth, TestClient } from '../mock/testkit.ts'
import { startCli } from './support/cli.ts'

const started: Array<ReturnType<typeof startCli>> = []
afterEach(() => {
  for (const s of started.splice(0)) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL')
})

/** Starts `conformance serve ARGS` and resolves with its first line of output, once printed. */
async function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = startCli(['serve', ...args], env, 60_000)
  started.push(run)
  let stdout = ''
  run.child.stdout!.on('data', (d) => (stdout += d))
  for (let i = 0; i < 400 && !stdout.includes('\n'); i++) {
    if (run.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 50))
  }
  return { ...run, firstLine: stdout.split('\n')[0]!, stdout: () => stdout }
}

describe('conformance serve', { timeout: 60_000 }, () => {
  test('prints the URL and generated credentials as one line of shell assignments, serves them, and exits 0 on SIGINT', async () => {
    // Credentials in the environment are not used (nor printed): serve generates its own unless given as flags.
    const s = await serve(['--port', '0'], { TWILIO_AUTH_TOKEN: 'a-real-secret' })
    const m = /^CONFORMANCE_TARGET=(http:\/\/127\.0\.0\.1:\d+) TWILIO_ACCOUNT_SID=(AC[0-9a-f]{32}) TWILIO_AUTH_TOKEN=([0-9a-f]{32})$/.exec(s.firstLine)
    expect(m, s.firstLine).not.toBeNull()
    const api = new TestClient({ url: m![1]!, accountSid: m![2]!, authToken: m![3]! })
    const conversation = await api.conversation()
    expect((await api.post(`/v1/Conversations/${conversation}/Messages`, { Body: 'Ahoy' })).status).toBe(201)
    expect((await api.get(`/v1/Conversations/${conversation}/Messages`)).json.messages.map((x: { body: string }) => x.body)).toEqual(['Ahoy'])
    expect(s.stdout()).not.toContain('a-real-secret')
    s.child.kill('SIGINT')
    const done = await s.done
    expect(done.code).toBe(0)
    expect(done.stderr).toBe('')
  })

  test('--json: one JSON object, with the given credentials and switches; SIGTERM exits 0', async () => {
    const sid = 'AC' + 'a'.repeat(32)
    const s = await serve(['--port', '0', '--json', '--account-sid', sid, '--auth-token', 'tok', '--fault', 'create-200', '--condition', 'api-keys'])
    const info = JSON.parse(s.firstLine) as Record<string, unknown>
    expect(info).toMatchObject({ accountSid: sid, authToken: 'tok', faults: ['create-200'], variants: [], conditions: ['api-keys'] })
    expect(info.apiKey).toMatch(/^SK[0-9a-f]{32}$/)
    const api = new TestClient({ url: info.url as string, accountSid: sid, authToken: 'tok' })
    const conversation = await api.conversation()
    expect((await api.post(`/v1/Conversations/${conversation}/Messages`, { Body: 'x' })).status).toBe(200) // the fault is on
    expect((await api.get('/v1/Configuration', { auth: basicAuth(info.apiKey as string, info.apiSecret as string) })).status).toBe(200)
    s.child.kill('SIGTERM')
    const done = await s.done
    expect(done.code).toBe(0)
    expect(done.stdout.trimEnd().split('\n')).toHaveLength(1)
  })

  test.each([
    [['--prot', '1'], /^conformance: unknown option '--prot'/],
    [['--variant', 'nope'], /^conformance: Unknown variant "nope"/],
  ])('a usage error %j is one line, exit 2', async (args, pattern) => {
    const s = await serve(args)
    const done = await s.done
    expect(done.code).toBe(2)
    expect(done.stderr).toMatch(pattern)
    expect(done.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})
