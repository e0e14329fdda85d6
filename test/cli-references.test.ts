import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'
import { runCli } from './support/cli.ts'

// The media and template headlines are judged on resources that exist (src/harness/references.ts): made on a target
// whose API allows it, and deleted after; on a target without them, not judged, never passed.
const HEADLINES = ['msg.create.media-sid', 'msg.create.content-sid', 'msg.create.content-sid-ignores-body', 'msg.create.content-variables-invalid']
const tmp = mkdtempSync(join(tmpdir(), 'conformance-references-'))
const servers: ReferenceServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function server(mediaApi: boolean): Promise<ReferenceServer> {
  const s = await startReferenceServer({ mediaApi })
  servers.push(s)
  return s
}
const flags = (s: ReferenceServer, name: string) => ['--target', s.url, '--account-sid', s.accountSid, '--auth-token', s.authToken, '--ledger-dir', join(tmp, `ledgers-${name}`), '--report', `json:${join(tmp, `${name}.json`)}`]

interface Result {
  id: string
  status: string
  message: string
}
const headlines = (name: string) => (JSON.parse(readFileSync(join(tmp, `${name}.json`), 'utf8')) as { verdict: string; results: Result[] }).results.filter((r) => HEADLINES.includes(r.id))

describe('the media and template headlines', () => {
  test('on a target that can make neither media nor templates: not judged, naming the flag to give; never passed; INCOMPLETE', async () => {
    const s = await server(false)
    const run = await runCli([...flags(s, 'without'), ...HEADLINES])
    expect(run.code, run.stdout + run.stderr).toBe(2)
    expect(run.stdout).toMatch(/^INCOMPLETE/m)
    const results = headlines('without')
    expect(results.map((r) => r.id).sort()).toEqual([...HEADLINES].sort())
    for (const r of results) {
      expect(r.status, r.id).toBe('error')
      expect(r.message, r.id).toMatch(/not judged: give --(media|content)-sid (ME|HX)… \(or TWILIO_(MEDIA|CONTENT)_SID\)/)
      expect(r.message, r.id).toMatch(/answered 404\)$/)
    }
  })

  test('on a target that has the Media and Content APIs: judged and passed, and what the checks made is deleted after', async () => {
    const s = await server(true)
    const recording = join(tmp, 'recording')
    const run = await runCli([...flags(s, 'with'), '--record', recording, ...HEADLINES])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    for (const r of headlines('with')) expect(r.status, `${r.id}: ${r.message}`).toBe('passed')
    // Every media item and template the run made (the recording names each) is gone from the target.
    const text = readdirSync(recording, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => readFileSync(join(f.parentPath, f.name), 'utf8')).join('\n')
    const made = [...new Set(text.match(/\/v1\/(?:Services\/IS[0-9a-f]{32}\/Media\/ME|Content\/HX)[0-9a-f]{32}/g) ?? [])]
    expect(made.filter((p) => p.includes('/Media/')).length).toBeGreaterThan(0)
    expect(made.filter((p) => p.includes('/Content/')).length).toBeGreaterThan(0)
    const api = new TestClient(s)
    for (const path of made) expect((await api.get(path)).status, path).toBe(404)
  })
})
