import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { runCli } from './support/cli.ts'

// --shard i/n and `conformance merge`: the shards of a run, merged, are that run: every requirement once, the same
// verdicts as the whole run in one go. Shards that are not of one run are refused with one line.

interface Report {
  verdict: string
  selection: { requirements: number; catalogue: number; partial: boolean; shard?: { index: number; count: number } }
  results: Array<{ id: string; status: string }>
}

const tmp = mkdtempSync(join(tmpdir(), 'conformance-shard-'))
const read = (file: string) => JSON.parse(readFileSync(join(tmp, file), 'utf8')) as Report
const statuses = (r: Report) => Object.fromEntries(r.results.map((x) => [x.id, x.status]))

describe('shards and merge', () => {
  // A target with a fault, so the merged verdict has a failure to carry (create answers 200).
  let server: ReferenceServer
  beforeAll(async () => {
    server = await startReferenceServer({ faults: ['create-200'] })
  })
  afterAll(() => server.close())
  const target = () => ['--target', server.url, '--account-sid', server.accountSid, '--auth-token', server.authToken]

  test('shard 1/2 and 2/2 merged: every requirement once, the verdicts of the whole run; another seed is refused', async () => {
    const [whole, first, second, otherSeed] = await Promise.all([
      runCli([...target(), '--seed', '7', '--report', `json:${join(tmp, 'whole.json')}`]),
      runCli([...target(), '--seed', '7', '--shard', '1/2', '--report', `json:${join(tmp, 'a.json')}`]),
      runCli([...target(), '--seed', '7', '--shard', '2/2', '--report', `json:${join(tmp, 'b.json')}`]),
      runCli([...target(), '--seed', '8', '--shard', '2/2', '--report', `json:${join(tmp, 'c.json')}`]),
    ])
    expect(whole.code, whole.stderr).toBe(1)
    const a = read('a.json')
    const b = read('b.json')
    expect(a.selection).toMatchObject({ partial: true, shard: { index: 1, count: 2 } })
    expect(b.selection).toMatchObject({ partial: true, shard: { index: 2, count: 2 } })
    // The shard with msg.create.status-201 fails; the other passes on its own.
    expect([first.code, second.code].sort()).toEqual([0, 1])
    expect(first.stdout).toMatch(/partial: \d+ of \d+ requirements, shard 1\/2/)

    const merged = await runCli(['merge', join(tmp, 'a.json'), join(tmp, 'b.json'), '--report', `json:${join(tmp, 'merged.json')}`, '--quiet'])
    expect(merged.code, merged.stderr).toBe(1)
    const m = read('merged.json')
    const ids = m.results.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual(REQUIREMENTS.map((r) => r.id).sort())
    expect(m.selection).toMatchObject({ partial: false, requirements: REQUIREMENTS.length })
    expect(m.verdict).toBe(read('whole.json').verdict)
    expect(m.verdict).toBe('NOT CONFORMANT')
    expect(statuses(m)).toEqual(statuses(read('whole.json')))

    expect(otherSeed.code).toBe(second.code) // the split does not depend on the seed
    const refused = await runCli(['merge', join(tmp, 'a.json'), join(tmp, 'c.json'), '--report', `json:${join(tmp, 'never.json')}`])
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(/c\.json has seed 8 but .*a\.json has 7: shards of one run share it/)
  }, 120_000)

  test('one shard alone merges into a partial verdict that says which shard is missing', async () => {
    const run = await runCli(['merge', join(tmp, 'b.json')])
    expect(run.stdout).toContain('not given: shard 1 of 2, so the verdict is partial')
    expect(run.stdout).toMatch(/\(partial: \d+ of \d+ requirements\)/)
  })

  test('a file that is missing, not JSON (over several lines) or not a run report: exit 2 with one line naming it', async () => {
    writeFileSync(join(tmp, 'broken.json'), '{\n"verdict": x\n}\n')
    writeFileSync(join(tmp, 'other.json'), '{"verdict": "CONFORMANT"}')
    const cases: Array<[string, RegExp]> = [
      ['missing.json', /merge: .*missing\.json: no such file/],
      ['broken.json', /merge: .*broken\.json: not JSON \(/],
      ['other.json', /merge: .*other\.json is not a run report \(.*\); give the --report json:PATH files of the shards/],
    ]
    for (const [file, says] of cases) {
      const run = await runCli(['merge', join(tmp, file)])
      expect(run.code).toBe(2)
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1)
      expect(run.stderr).toMatch(says)
    }
  })
})
