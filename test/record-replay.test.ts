// --record and --replay: redaction before anything reaches the disk, the cassette format, replay matching through
// undici's MockAgent, and the CLI end to end (record against the reference server, replay with it gone).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Exchange } from '../src/client/exchange.ts'
import { TransportError } from '../src/client/errors.ts'
import { HttpClient } from '../src/client/http.ts'
import { type CassetteInteraction, readCassette, toInteraction } from '../src/record/cassette.ts'
import { type RecordingManifest } from '../src/record/manifest.ts'
import { ACCOUNT_SID_PLACEHOLDER, createRedactor } from '../src/record/redact.ts'
import { replayAgent, ReplayMatcher } from '../src/record/replay.ts'
import { validateById } from '../src/schemas/validate.ts'
import { ROOT, runCli } from './support/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'conformance-record-'))
const ACCOUNT = 'AC' + 'ab12'.repeat(8)
const TOKEN = 'tok3n-' + 'f00d'.repeat(6)
const base64 = (s: string) => Buffer.from(s).toString('base64')

function exchange(over: Partial<Exchange['request']> = {}, response: Partial<Exchange['response']> = {}): Exchange {
  const request = { method: 'POST', path: '/v1/Conversations/CH' + '1'.repeat(32) + '/Messages', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: 'Body=hello+world&Author=smee', credentials: 'target' as const, ...over }
  const text = response.text ?? JSON.stringify({ sid: 'IM' + '2'.repeat(32), account_sid: ACCOUNT, note: `token ${TOKEN}` })
  return { request, response: { status: 201, headers: { 'content-type': 'application/json', date: 'Fri, 01 Jan 2021 00:00:00 GMT', 'content-length': '999', 'set-cookie': 'x=1' }, ...response, text }, json: text ? JSON.parse(text) : undefined, durationMs: 3 }
}

describe('redaction', () => {
  const r = createRedactor({ accountSid: ACCOUNT, secret: TOKEN, extra: ['customer-secret', 'ab'] })
  test('the auth token goes in every form: plain, URL-encoded, base64, and as part of the Basic credentials', () => {
    const text = `a ${TOKEN} b ${encodeURIComponent(TOKEN)} c ${base64(TOKEN)} d Basic ${base64(`${ACCOUNT}:${TOKEN}`)}`
    const out = r.text(text)
    expect(out).not.toContain(TOKEN)
    expect(out).not.toContain(base64(TOKEN))
    expect(out).not.toContain(base64(`${ACCOUNT}:${TOKEN}`))
    expect(out.match(/\[redacted\]/g)).toHaveLength(4)
  })
  test('the account SID becomes one placeholder that keeps the SID pattern, in either hex case', () => {
    expect(r.text(`${ACCOUNT} ${ACCOUNT.slice(0, 2)}${ACCOUNT.slice(2).toUpperCase()}`)).toBe(`${ACCOUNT_SID_PLACEHOLDER} ${ACCOUNT_SID_PLACEHOLDER}`)
    expect(ACCOUNT_SID_PLACEHOLDER).toMatch(/^AC[0-9a-f]{32}$/)
  })
  test('other configured secrets are scrubbed; values too short to mean anything are not', () => {
    expect(r.deep({ body: 'my customer-secret here', list: ['customer-secret'], ab: 'ab' })).toEqual({ body: 'my [redacted] here', list: ['[redacted]'], ab: 'ab' })
  })
})

describe('cassette interactions', () => {
  const redactor = createRedactor({ accountSid: ACCOUNT, secret: TOKEN })
  const i = toInteraction(exchange(), { origin: 'http://127.0.0.1:4010', prefix: '/proxy' }, redactor)
  test('nock definition fields, the form decoded, the path with the base URL prefix', () => {
    expect(i).toMatchObject({ scope: 'http://127.0.0.1:4010', method: 'POST', path: '/proxy/v1/Conversations/CH' + '1'.repeat(32) + '/Messages', body: { Body: 'hello world', Author: 'smee' }, status: 201 })
    expect(i.response).toEqual({ sid: 'IM' + '2'.repeat(32), account_sid: ACCOUNT_SID_PLACEHOLDER, note: 'token [redacted]' })
    expect(i.conformance).toEqual({ credentials: 'target', requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' } })
  })
  test('response headers: no Date or Set-Cookie; Content-Length recomputed from the redacted body; rawHeaders for nock', () => {
    const length = String(Buffer.byteLength(JSON.stringify(i.response)))
    expect(i.headers).toEqual({ 'content-type': 'application/json', 'content-length': length })
    expect(i.rawHeaders).toEqual(i.headers)
  })
  test('a 204 has no Content-Length and an empty response', () => {
    const gone = toInteraction(exchange({ method: 'DELETE', body: undefined }, { status: 204, text: '' }), { origin: 'http://h', prefix: '' }, redactor)
    expect(gone.response).toBe('')
    expect(gone.headers['content-length']).toBeUndefined()
    expect(gone.body).toBeUndefined()
  })
})

describe('replay matching', () => {
  const list = (n: number): CassetteInteraction => ({ scope: 'http://h', method: 'GET', path: '/v1/x/Messages?PageSize=2&Order=desc', status: 200, response: { n }, headers: {} })
  const create = (body: string, n: number): CassetteInteraction => ({ scope: 'http://h', method: 'POST', path: '/v1/x/Messages', body: { Body: body }, status: 201, response: { n }, headers: {} })
  test('identical requests get their answers in recorded order; query order does not matter', () => {
    const m = new ReplayMatcher([list(1), list(2)], 'c.json')
    expect(m.take({ method: 'GET', path: '/v1/x/Messages?Order=desc&PageSize=2' })?.response).toEqual({ n: 1 })
    expect(m.take({ method: 'GET', path: '/v1/x/Messages?PageSize=2&Order=desc' })?.response).toEqual({ n: 2 })
    expect(m.take({ method: 'GET', path: '/v1/x/Messages?PageSize=2&Order=desc' })).toBeUndefined()
  })
  test('concurrent creates with different bodies each find their own answer, whatever the encoding', () => {
    const m = new ReplayMatcher([create('concurrent 1', 1), create('concurrent 2', 2)], 'c.json')
    expect(m.take({ method: 'POST', path: '/v1/x/Messages', body: 'Body=concurrent%202' })?.response).toEqual({ n: 2 })
    expect(m.take({ method: 'POST', path: '/v1/x/Messages', body: 'Body=concurrent+1' })?.response).toEqual({ n: 1 })
    expect(m.unused).toBe(0)
  })
  test('the kind of credentials tells a refused request from the same one made properly', () => {
    const refused = { ...list(1), status: 401, conformance: { credentials: 'none' as const } }
    const ok = { ...list(2), conformance: { credentials: 'target' as const } }
    const m = new ReplayMatcher([refused, ok], 'c.json')
    expect(m.take({ method: 'GET', path: list(0).path, credentials: 'target' })?.status).toBe(200)
    expect(m.take({ method: 'GET', path: list(0).path, credentials: 'none' })?.status).toBe(401)
  })
  test('through the client and a MockAgent: a request with no recording fails at once, naming it', async () => {
    const target = { baseUrl: 'http://127.0.0.1:9', accountSid: ACCOUNT_SID_PLACEHOLDER, username: ACCOUNT_SID_PLACEHOLDER, secret: 'x', timeoutMs: 2000 }
    const replay = replayAgent([{ ...create('hello', 1), scope: 'http://127.0.0.1:9' }], 'c.json', 'http://127.0.0.1:9', () => 'target')
    const http = new HttpClient(target, { dispatcher: replay.dispatcher })
    try {
      const ok = await http.send({ method: 'POST', path: '/v1/x/Messages', form: { Body: 'hello' } })
      expect(ok.response.status).toBe(201)
      expect(ok.json).toEqual({ n: 1 })
      const miss = http.send({ method: 'POST', path: '/v1/x/Messages', form: { Body: 'never recorded' } })
      await expect(miss).rejects.toBeInstanceOf(TransportError)
      await expect(miss).rejects.toThrow(/^no recording for POST \/v1\/x\/Messages with body Body=never\+recorded in c\.json/)
    } finally {
      await replay.close()
    }
  })
})

describe('conformance --record and --replay, end to end', () => {
  const dir = join(tmp, 'recording')
  // A few areas with what makes replay hard: concurrent creates, identical lists, random unknown SIDs and identities,
  // properties, refused credentials.
  const SUBSET = ['msg.list.index-increasing', 'msg.list.paging-partition', 'msg.errors', 'msg.representation.participant-sid-author', 'msg.auth', 'msg.create.status-201', 'msg.stateful']
  const creds = ['--account-sid', ACCOUNT, '--auth-token', TOKEN]
  let recorded: string

  test('a recorded run against the reference server: one cassette per check, a manifest, the preflight', async () => {
    const run = await runCli([...SUBSET, ...creds, '--seed', '5', '--record', dir, '--redact', 'twilio-node'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/recorded \d+ cassettes \(\d+ exchanges\) in .*; secrets redacted/)
    recorded = run.stdout
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as RecordingManifest
    expect(manifest).toMatchObject({ format: 'conversations-message-conformance-recording', formatVersion: 1, seed: 5, profile: 'ci', select: SUBSET, accountSid: ACCOUNT_SID_PLACEHOLDER, preflight: 'preflight.json' })
    expect(validateById('urn:conversations-conformance:schema:recording-manifest', manifest)).toEqual([])
    expect(manifest.target.embedded).toBe(true)
    expect(manifest.defaultServiceSid).toMatch(/^IS[0-9a-f]{32}$/)
    const files = readdirSync(dir)
    expect(files).toContain('preflight.json')
    expect(files).toContain('msg.create.status-201.default.json')
    expect(files).toContain('msg.create.status-201.service.json')
    for (const c of manifest.checks) expect(readCassette(join(dir, c.file))).toHaveLength(c.exchanges)
    expect(readCassette(join(dir, 'preflight.json'))[0]).toMatchObject({ method: 'GET', path: '/v1/Configuration', status: 200 })
  })

  test('nothing in the recording holds the auth token, an Authorization header or the account SID', () => {
    const all = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')
    for (const secret of [TOKEN, encodeURIComponent(TOKEN), base64(TOKEN), base64(`${ACCOUNT}:${TOKEN}`), ACCOUNT]) expect(all).not.toContain(secret)
    expect(all).not.toMatch(/authorization/i)
    expect(all).toContain(ACCOUNT_SID_PLACEHOLDER)
  })

  test('the replay, with the server gone and the network refused, reaches the same verdicts', async () => {
    const run = await runCli(['--replay', dir])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('network connections disabled')
    expect(run.stdout).toContain('every replayed check has the verdict it had when recorded')
    const counts = (s: string) => /\d+ passed, \d+ failed, \d+ skipped, \d+ setup errors \(\d+ requirements, \d+ requests/.exec(s)?.[0]
    expect(counts(run.stdout)).toBe(counts(recorded))
  })

  test('a partial replay compares only what it replayed', async () => {
    const run = await runCli(['--replay', dir, 'msg.create.status-201'])
    expect(run.code, run.stderr).toBe(0)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as RecordingManifest
    expect(run.stdout).toContain(`every replayed check (2 of the ${manifest.checks.length} checks recorded) has the verdict it had when recorded`)
    expect(run.stdout).not.toMatch(/differs? from the recording|replayed skipped/)
  })

  test('a recording of an interrupted run replays what it holds, and says once that the rest was never recorded', async () => {
    const cut = join(tmp, 'interrupted')
    cpSync(dir, cut, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(cut, 'manifest.json'), 'utf8')) as RecordingManifest
    // As the recorder leaves it: the requirements the run never reached have no cassette and no manifest entry.
    const held = manifest.checks.filter((c) => !c.requirement.startsWith('msg.errors') && !c.requirement.startsWith('msg.stateful'))
    for (const c of manifest.checks.filter((x) => !held.includes(x))) rmSync(join(cut, c.file))
    writeFileSync(join(cut, 'manifest.json'), JSON.stringify({ ...manifest, checks: held, interrupted: 'SIGINT' }))
    expect(validateById('urn:conversations-conformance:schema:recording-manifest', { ...manifest, checks: held, interrupted: 'SIGINT' })).toEqual([])
    const run = await runCli(['--replay', cut])
    expect(run.code).toBe(2)
    const heldIds = new Set(held.map((c) => c.requirement))
    expect(run.stdout).toMatch(new RegExp(`^  - run error: the recording in .* is of a run stopped by SIGINT: \\d+ of the \\d+ selected requirements were never recorded, so this replay cannot judge them; it replays the ${heldIds.size} the recording holds$`, 'm'))
    expect(run.stdout).toContain('every replayed check has the verdict it had when recorded')
    expect(run.stdout).not.toContain('not replayable')
    expect(run.stdout).toMatch(new RegExp(`^INCOMPLETE \\(partial: ${heldIds.size} of \\d+ requirements\\)`, 'm'))
  })

  test('--replay takes no --target or --seed; --redact needs --record; a missing recording is one line', async () => {
    expect((await runCli(['--replay', dir, '--seed', '3'])).code).toBe(2)
    expect((await runCli(['--replay', dir, '--target', 'http://127.0.0.1:9'])).code).toBe(2)
    expect((await runCli(['--redact', 'x1234'])).stderr).toMatch(/--redact only applies to a recording/)
    const none = await runCli(['--replay', join(tmp, 'nothing-here')])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^conformance: --replay .*: no such directory\n$/)
  })
})

describe('the committed cassette set (fixtures/cassettes)', () => {
  const FIXTURES = join(ROOT, 'fixtures/cassettes')
  const stale = 'if a check changed its requests, re-record: see fixtures/cassettes/README.md'

  test('replays offline: every requirement passes, as when it was recorded', async () => {
    const run = await runCli(['--replay', FIXTURES, '--quiet'])
    expect(run.stderr, stale).toBe('')
    expect(run.stdout, stale).toMatch(/^CONFORMANT/m)
    expect(run.code, stale).toBe(0)
  })

  test('a tampered copy turns the requirement red: create answering 200 instead of 201', async () => {
    const copy = join(tmp, 'tampered')
    cpSync(FIXTURES, copy, { recursive: true })
    const file = join(copy, 'msg.create.status-201.default.json')
    const cassette = readCassette(file)
    const create = cassette.find((i) => i.method === 'POST' && /\/Messages$/.test(i.path) && i.status === 201)!
    create.status = 200
    writeFileSync(file, JSON.stringify(cassette, null, 2))
    const run = await runCli(['--replay', copy, 'msg.create.status-201'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/✗ must\s+msg\.create\.status-201/)
    expect(run.stdout).toContain('msg.create.status-201 [default]: recorded passed, replayed failed')
    const validated = await runCli(['validate', file])
    expect(validated.code).toBe(1)
    expect(validated.stdout).toMatch(/status\s+msg\.create\.status-201 \(must\): create answered HTTP 200, expected 201/)
  })

  test('a tampered copy with a broken message SID: validate names the pointer and the requirement', async () => {
    const file = join(tmp, 'broken-sid.cassette.json')
    const cassette = readCassette(join(FIXTURES, 'msg.fetch.returns-created.default.json'))
    const fetch = cassette.find((i) => i.method === 'GET' && /\/Messages\/IM/.test(i.path))!
    ;(fetch.response as Record<string, unknown>)['sid'] = 'IM-not-a-sid'
    writeFileSync(file, JSON.stringify(cassette, null, 2))
    const run = await runCli(['validate', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('/sid  sid-pattern  msg.representation.sids (must): sid is "IM-not-a-sid"')
    expect(run.stdout).toMatch(/\/sid\s+sid-of-path\s+msg\.fetch\.returns-created \(must\)/)
  })

  test('the README says how the set was made; the manifest is valid', () => {
    expect(existsSync(join(FIXTURES, 'README.md'))).toBe(true)
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as RecordingManifest
    expect(validateById('urn:conversations-conformance:schema:recording-manifest', manifest)).toEqual([])
    expect(manifest).toMatchObject({ seed: 1, profile: 'live', select: [] })
  })
})
