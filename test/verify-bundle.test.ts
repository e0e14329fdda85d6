// `conformance verify`, `sign` and `keygen`: a bundle says what it proves and never more. One small bundle is recorded
// once (a few requirements, against a reference server whose create answers 200, so it has a failure to forge) and
// copied per case; each way of tampering with it is refused with the file or field named, signed or not. A bundle
// recorded from one server is exposed by --against another that has a fault.
// A refusal made before any replay (a signature, a digest, a cross-check) is asked of verifyCommand in this process,
// the function the CLI calls, which saves a process start per case; where the replay decides, the CLI runs as a user
// runs it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { type CassetteInteraction, readCassette } from '../src/record/cassette.ts'
import { newKeyPair } from '../src/record/signature.ts'
import { keygenCommand, signCommand } from '../src/cli/sign.ts'
import { UsageError } from '../src/cli/usage-error.ts'
import { verifyCommand } from '../src/cli/verify.ts'
import { runCli } from './support/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'conformance-verify-'))
const SUBSET = ['msg.create.status-201', 'msg.fetch.returns-created', 'msg.delete.status-204-empty']
const SEED = '11'

let faulty: ReferenceServer
let clean: ReferenceServer
const target = (s: ReferenceServer) => ['--target', s.url, '--account-sid', s.accountSid, '--auth-token', s.authToken]
const envOf = (s: ReferenceServer) => ({ TWILIO_ACCOUNT_SID: s.accountSid, TWILIO_AUTH_TOKEN: s.authToken })

const UNSIGNED = join(tmp, 'unsigned')
const SIGNED = join(tmp, 'signed')
const KEYS = join(tmp, 'keys')
const PUBLIC = join(KEYS, 'conformance-signing-key.pub.pem')
const OTHER_KEY = join(tmp, 'other-key.pem')

beforeAll(async () => {
  ;[faulty, clean] = await Promise.all([startReferenceServer({ faults: ['create-200'] }), startReferenceServer()])
  const recorded = await runCli([...SUBSET, ...target(faulty), '--seed', SEED, '--record', join(UNSIGNED, 'recording'), '--report', `json:${join(UNSIGNED, 'report.json')}`, '--quiet'])
  const keygen = await inProcess(keygenCommand, [KEYS])
  expect(recorded.code, recorded.stderr).toBe(1) // NOT CONFORMANT: create answers 200
  expect(keygen.stdout).toMatch(/fingerprint: sha256:[0-9a-f]{64}/)
  writeFileSync(OTHER_KEY, newKeyPair().privatePem)
  cpSync(UNSIGNED, SIGNED, { recursive: true })
  const signed = await sign([SIGNED, '--key', join(KEYS, 'conformance-signing-key.pem')])
  expect(signed.code, signed.stderr).toBe(0)
}, 120_000)
afterAll(async () => {
  await Promise.all([faulty?.close(), clean?.close()])
  rmSync(tmp, { recursive: true, force: true })
})

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>
const writeJson = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2))
function editReport(dir: string, edit: (r: Record<string, any>) => void): void {
  const r = json(join(dir, 'report.json'))
  edit(r)
  writeJson(join(dir, 'report.json'), r)
}
function editCassette(dir: string, file: string, edit: (i: CassetteInteraction[]) => void): void {
  const path = join(dir, 'recording', file)
  const interactions = readCassette(path)
  edit(interactions)
  writeJson(path, interactions)
}

/** A command run in this process, as main() runs it: a UsageError is one line on stderr and exit 2. */
async function inProcess(command: (argv: string[], out: NodeJS.WritableStream) => number | Promise<number>, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  const out = { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream
  try {
    return { code: await command(argv, out), stdout, stderr: '' }
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: `conformance: ${err.message}\n` }
    throw err
  }
}
const verify = (argv: string[]) => inProcess((a, out) => verifyCommand(a, out, {}), argv)
const sign = (argv: string[]) => inProcess(signCommand, argv)

interface Tamper {
  name: string
  /** Only the replay of the recording shows it (the CLI then runs in its own process). */
  replays?: boolean
  apply(dir: string): Promise<void> | void
  /** What an unsigned bundle's refusal names. */
  unsigned: RegExp
  /** What a signed bundle's refusal names. */
  signed: RegExp
}

const TAMPERS: Tamper[] = [
  {
    name: 'a verdict edited',
    apply: (dir) =>
      editReport(dir, (r) => {
        r.verdict = 'CONFORMANT'
        r.results.find((x: { id: string }) => x.id === 'msg.create.status-201').status = 'passed'
      }),
    replays: true,
    unsigned: /report\.json verdict: the report says CONFORMANT, the recording shows NOT CONFORMANT/,
    signed: /report\.json: changed after the bundle was signed/,
  },
  {
    name: "a cassette's status edited",
    apply: (dir) =>
      editCassette(dir, 'msg.create.status-201.default.json', (is) => {
        for (const i of is) if (i.method === 'POST' && /\/Messages$/.test(i.path) && i.status === 200) i.status = 201
      }),
    replays: true,
    unsigned: /recording\/msg\.create\.status-201\.default\.json: recording\/manifest\.json records msg\.create\.status-201 \[default\] as failed, replaying the cassette gives passed/,
    signed: /recording\/msg\.create\.status-201\.default\.json: changed after the bundle was signed/,
  },
  {
    name: "a cassette's body edited and the report regenerated with --replay",
    async apply(dir) {
      editCassette(dir, 'msg.fetch.returns-created.default.json', (is) => {
        const fetched = is.find((i) => i.method === 'GET' && /\/Messages\/IM/.test(i.path) && i.status === 200)!
        ;(fetched.response as Record<string, unknown>)['body'] = 'not what was created'
      })
      const regenerated = await runCli(['--replay', join(dir, 'recording'), '--report', `json:${join(dir, 'report.json')}`, '--quiet'])
      expect(regenerated.stdout).toMatch(/NOT CONFORMANT/)
    },
    unsigned: /report\.json: msg\.fetch\.returns-created \[default\] is failed in the report, passed in recording\/manifest\.json \(its cassette: recording\/msg\.fetch\.returns-created\.default\.json\)/,
    signed: /recording\/msg\.fetch\.returns-created\.default\.json: changed after the bundle was signed/,
  },
  {
    name: 'the target URL edited',
    apply: (dir) => editReport(dir, (r) => (r.target.url = 'https://clone.example.com')),
    unsigned: /report\.json target\.url: https:\/\/clone\.example\.com, but recording\/manifest\.json was recorded against http:\/\/127\.0\.0\.1:\d+/,
    signed: /report\.json: changed after the bundle was signed/,
  },
  {
    name: 'the seed edited',
    apply: (dir) => editReport(dir, (r) => (r.seed = 12)),
    unsigned: /report\.json seed: 12, but recording\/manifest\.json records 11/,
    signed: /report\.json: changed after the bundle was signed/,
  },
  {
    name: 'a cassette deleted',
    apply: (dir) => rmSync(join(dir, 'recording', 'msg.fetch.returns-created.service.json')),
    unsigned: /recording\/msg\.fetch\.returns-created\.service\.json: missing \(recording\/manifest\.json lists it\)/,
    signed: /recording\/msg\.fetch\.returns-created\.service\.json: removed after the bundle was signed/,
  },
  {
    name: 'a cassette overwritten with text that is not JSON',
    apply: (dir) => writeFileSync(join(dir, 'recording', 'msg.delete.status-204-empty.default.json'), '{not json'),
    unsigned: /recording\/msg\.delete\.status-204-empty\.default\.json: not JSON/,
    signed: /recording\/msg\.delete\.status-204-empty\.default\.json: changed after the bundle was signed/,
  },
  {
    name: 'a cassette added',
    apply: (dir) => cpSync(join(dir, 'recording', 'msg.create.status-201.default.json'), join(dir, 'recording', 'msg.create.status-201.extra.json')),
    unsigned: /recording\/msg\.create\.status-201\.extra\.json: not in the manifest/,
    signed: /recording\/msg\.create\.status-201\.extra\.json: added after the bundle was signed/,
  },
  {
    name: 'the suite version edited',
    apply: (dir) => editReport(dir, (r) => (r.suite.version = '0.1.9')),
    unsigned: /report\.json suite\.version: "0\.1\.9", but recording\/manifest\.json records "\d+\.\d+\.\d+"/,
    signed: /report\.json: changed after the bundle was signed/,
  },
]

let copies = 0
const copyOf = (dir: string) => {
  const copy = join(tmp, `case-${++copies}`)
  cpSync(dir, copy, { recursive: true })
  return copy
}

describe('a signed bundle', () => {
  test.concurrent('verifies with the public key: authentic, and what it proves', async () => {
    const run = await runCli(['verify', SIGNED, '--public-key', PUBLIC])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^verified: report\.json is what recording shows, re-derived offline: NOT CONFORMANT \(partial: 3 of \d+ requirements\), 3 requirements from 6 cassettes; target http:\/\/127\.0\.0\.1:\d+, seed 11/)
    expect(run.stdout).toMatch(/authentic: signed by the holder of the key sha256:[0-9a-f]{64} \(.*conformance-signing-key\.pub\.pem\); each of its \d+ files is as signed/)
    expect(run.stdout).toContain('not checked against the target')
  }, 60_000)

  test.concurrent.each(TAMPERS)('$name: refused, naming it', async (t) => {
    const dir = copyOf(SIGNED)
    await t.apply(dir)
    const run = await verify([dir, '--public-key', PUBLIC])
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toMatch(/^REFUSED: the bundle is not what the holder of .* signed/)
    expect(run.stdout).toMatch(t.signed)
  }, 60_000)

  test.concurrent('the signature from another key: refused, naming signature.json and both keys', async () => {
    const dir = copyOf(SIGNED)
    editReport(dir, (r) => (r.verdict = 'CONFORMANT'))
    expect((await sign([dir, '--key', OTHER_KEY])).code).toBe(0)
    const run = await verify([dir, '--public-key', PUBLIC])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/signature\.json: not signed by the key in .*conformance-signing-key\.pub\.pem \(sha256:[0-9a-f]{64}\); it names the key sha256:[0-9a-f]{64}/)
  }, 60_000)
})

describe('an unsigned bundle', () => {
  test.concurrent('verifies as consistent, and says it is not authenticated', async () => {
    const run = await runCli(['verify', UNSIGNED])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain('consistent (not authenticated): this bundle could have been produced by anyone who holds it')
    const keyed = await verify([UNSIGNED, '--public-key', PUBLIC])
    expect(keyed.code).toBe(1)
    expect(keyed.stdout).toContain('signature.json: the bundle is not signed')
  }, 60_000)

  test.concurrent.each(TAMPERS)('$name: refused, naming it', async (t) => {
    const dir = copyOf(UNSIGNED)
    await t.apply(dir)
    const run = t.replays ? await runCli(['verify', dir]) : await verify([dir])
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toMatch(/^REFUSED: /)
    expect(run.stdout).toMatch(t.unsigned)
  }, 60_000)

  test.concurrent('the signature from another key: consistent (not authenticated) without --public-key, refused with it', async () => {
    const dir = copyOf(UNSIGNED)
    expect((await sign([dir, '--key', OTHER_KEY])).code).toBe(0)
    const run = await runCli(['verify', dir])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('consistent (not authenticated): this bundle could have been produced by anyone who holds it; it carries a signature (signature.json), which only --public-key checks')
    const keyed = await verify([dir, '--public-key', PUBLIC])
    expect(keyed.code).toBe(1)
    expect(keyed.stdout).toMatch(/signature\.json: not signed by the key in/)
  }, 60_000)
})

describe('verify --against', () => {
  test('a bundle recorded from a clean server is exposed by a target with a fault; the sample and its seed are printed', async () => {
    const bundle = join(tmp, 'from-clean')
    const recorded = await runCli([...SUBSET, ...target(clean), '--seed', SEED, '--record', join(bundle, 'recording'), '--report', `json:${join(bundle, 'report.json')}`, '--quiet'])
    expect(recorded.code, recorded.stdout).toBe(0)
    const [exposed, confirmed] = await Promise.all([
      runCli(['verify', bundle, '--against', faulty.url, '--sample', '3', '--sample-seed', '5'], envOf(faulty)),
      runCli(['verify', bundle, '--against', clean.url, '--sample', '3', '--sample-seed', '5'], envOf(clean)),
    ])
    expect(exposed.code, exposed.stdout + exposed.stderr).toBe(1)
    expect(exposed.stdout).toMatch(/checked against http:\/\/127\.0\.0\.1:\d+ \(the bundle was recorded against http:\/\/127\.0\.0\.1:\d+\): 3 of 3 requirements re-run live with the bundle's seed 11, sample seed 5: msg\.create\.status-201 msg\.fetch\.returns-created msg\.delete\.status-204-empty/)
    expect(exposed.stdout).toMatch(/REFUSED: the target at .* does not do what the bundle says\n {2}- msg\.create\.status-201: the bundle says passed, http:\/\/127\.0\.0\.1:\d+ shows failed/)
    expect(exposed.stdout).toMatch(/repeat it: npx conformance verify .* --against .* --sample 3 --sample-seed 5/)
    expect(confirmed.code, confirmed.stdout + confirmed.stderr).toBe(0)
    expect(confirmed.stdout).toContain("every one has the bundle's verdict")
  }, 120_000)

  test('without credentials in the environment: one line, exit 2', async () => {
    const run = await verify([UNSIGNED, '--against', clean.url])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^conformance: verify: --against http:\/\/127\.0\.0\.1:\d+ needs credentials in the environment: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  }, 60_000)
})

describe('sign and keygen', () => {
  test('keygen never replaces a key; sign refuses a key that is not an Ed25519 private key, in one line', async () => {
    const again = await inProcess(keygenCommand, [KEYS])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/keygen: .*conformance-signing-key\.pem exists; keygen never replaces a key/)
    const withPublic = await sign([copyOf(UNSIGNED), '--key', PUBLIC])
    expect(withPublic.code).toBe(2)
    expect(withPublic.stderr.trim().split('\n')).toHaveLength(1)
    expect(withPublic.stderr).toMatch(/is not a PEM private key/)
  }, 60_000)

  test('--help answers: what is signed, who holds the key, how to make one, what each level proves', async () => {
    const [signHelp, keygenHelp, verifyHelp] = await Promise.all([sign(['--help']), inProcess(keygenCommand, ['--help']), verify(['--help'])])
    expect(signHelp.stdout).toMatch(/SHA-256 of every file in BUNDLE/)
    expect(signHelp.stdout).toMatch(/Who holds the key/)
    expect(signHelp.stdout).toContain('openssl genpkey -algorithm ed25519')
    expect(keygenHelp.stdout).toMatch(/never\s+with the vendor/)
    for (const flag of ['--public-key', '--against', '--sample', '--sample-seed', '--recording', 'consistent (not authenticated)', 'TWILIO_AUTH_TOKEN']) expect(verifyHelp.stdout).toContain(flag)
  }, 60_000)
})
