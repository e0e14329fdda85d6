import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { runCli } from './support/cli.ts'

// A property or model-based failure must come with a shrunk counterexample and a seed, and running again with that
// seed must find the same counterexample: that is what makes a report's "replay" line worth printing.

interface Report {
  results: Array<{ id: string; status: string; checks: Array<{ scope?: string; counterexample?: { value: string; seed: number; replay: string } }> }>
}

const cases = [
  { fault: 'pages-skip', id: 'msg.list.paging-partition' },
  { fault: 'list-stale-after-update', id: 'msg.stateful.model' },
  { fault: 'body-utf8mb3', id: 'msg.create.body-round-trip' },
]

describe.each(cases)('$id against the $fault fault', ({ fault, id }) => {
  let server: ReferenceServer
  const dir = mkdtempSync(join(tmpdir(), 'conformance-replay-'))
  beforeAll(async () => {
    server = await startReferenceServer({ faults: [fault] })
  })
  afterAll(() => server.close())

  const run = async (name: string) => {
    // A short --settle: the stale-list fault never shows the update, so each read of the shrinking waits it out.
    const file = join(dir, `${name}.json`)
    const res = await runCli([id, '--target', server.url, '--account-sid', server.accountSid, '--auth-token', server.authToken, '--seed', '20261127', '--settle', '1000', '--report', `json:${file}`])
    expect(res.code, res.stderr).toBe(1)
    const result = (JSON.parse(readFileSync(file, 'utf8')) as Report).results.find((r) => r.id === id)!
    expect(result.status).toBe('failed')
    return result.checks.map((c) => ({ scope: c.scope, counterexample: c.counterexample }))
  }

  test('fails with a shrunk counterexample, and the same seed finds the same one again', async () => {
    const first = await run('first')
    const failing = first.filter((c) => c.counterexample !== undefined)
    expect(failing.length).toBeGreaterThan(0)
    for (const c of failing) expect(c.counterexample!.replay).toContain(`${id} --seed 20261127`)
    expect(await run('again')).toEqual(first)
  })
})
