// docs/certify.md quotes test/recipes/certify.sh: here it certifies a reference server in four shards, as a
// certifier runs it, with a selection and few inputs per property so it stays quick (it starts the suite's engine
// thirteen times: four recordings, four shard replays, and for the signed whole four replays and a live sample).
// Every command in it must succeed: each shard bundle verifies, and the signed certification verifies with the
// public key, against the four recordings and against the live server.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../../mock/server.ts'
import { ROOT, runCli } from '../support/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'conformance-certify-'))
let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer()
})
afterAll(async () => {
  await server?.close()
  rmSync(tmp, { recursive: true, force: true })
})

test('certify.sh: four shard bundles verify, the merged report verifies against their recordings, the signed certificate verifies', async () => {
  const keygen = await runCli(['keygen', join(tmp, 'keys')])
  expect(keygen.code, keygen.stderr).toBe(0)
  const env = {
    PATH: process.env.PATH,
    NO_COLOR: '1',
    CONFORMANCE: `${process.execPath} ${join(ROOT, 'bin', 'conformance.mjs')}`,
    TARGET: server.url,
    TWILIO_ACCOUNT_SID: server.accountSid,
    TWILIO_AUTH_TOKEN: server.authToken,
    KEY: join(tmp, 'keys', 'conformance-signing-key.pem'),
    PUBLIC_KEY: join(tmp, 'keys', 'conformance-signing-key.pub.pem'),
    RUNS: '3',
    SELECT: 'msg.create.status-201 msg.fetch msg.delete',
  }
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('bash', [join(ROOT, 'test', 'recipes', 'certify.sh')], { cwd: tmp, env, timeout: 240_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
  expect(run.code, run.stdout + run.stderr).toBe(0)
  expect(run.stdout.match(/^verified: report\.json is what recording shows, re-derived offline: CONFORMANT \(partial: \d+ of \d+ requirements\)/gm)).toHaveLength(4)
  expect(run.stdout).toMatch(/verified: report\.json is what shard-1\/recording, shard-2\/recording, shard-3\/recording, shard-4\/recording show, re-derived offline: CONFORMANT \(partial/)
  expect(run.stdout).toMatch(/authentic: signed by the holder of the key sha256:[0-9a-f]{64}/)
  expect(run.stdout).toMatch(/checked against http:\/\/127\.0\.0\.1:\d+: 5 of \d+ requirements re-run live with the bundle's seed 20261127/)
  expect(run.stdout).toContain("every one has the bundle's verdict")
}, 300_000)
