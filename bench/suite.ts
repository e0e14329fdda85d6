/**
 * Benchmark: the whole suite against the reference server (in a worker thread, as the CLI runs it), and a raw
 * undici loop making the same requests, one after another, against the same server. The ratio of their request
 * rates says how much the suite's own machinery (vitest, the checks, validation, settling) costs; the last line is
 * `suite/raw: 0.xx`. Timings are measured here, never asserted in tests.
 *
 *   npm run bench                 # a recorded run for the request mix, then 3 timed suite runs and 3 raw loops
 *   npm run bench -- --runs 5
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent, request } from 'undici'
import { basicAuth } from '../mock/testkit.ts'
import { runSuites } from '../src/cli/run-suites.ts'
import { type CassetteInteraction, readCassette } from '../src/record/cassette.ts'
import type { SuiteConfig } from '../src/run/config.ts'
import { startBenchServer } from './bench-server.ts'

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const bench = await startBenchServer()
const { server, target } = bench
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 })
const config = (seed: number, extra: Partial<SuiteConfig> = {}): SuiteConfig => bench.config({ profile: 'ci', seed, runId: `bench ${seed}` }, extra)

// 1. The request mix: one run recorded (also the warm-up), every request it made, in order, per check.
const dir = mkdtempSync(join(tmpdir(), 'conformance-bench-'))
await runSuites({ config: config(1, { recording: { mode: 'record', dir } }), select: [] })
const mix: CassetteInteraction[][] = readdirSync(dir)
  .filter((f) => f.startsWith('msg.'))
  .sort()
  .map((f) => readCassette(join(dir, f)))
rmSync(dir, { recursive: true, force: true })
const mixRequests = mix.reduce((n, c) => n + c.length, 0)

// 2. The suite, timed.
const suiteRates: number[] = []
const suiteTimes: number[] = []
for (let i = 0; i < runs; i++) {
  const started = performance.now()
  const run = await runSuites({ config: config(1), select: [] })
  const ms = performance.now() - started
  const requests = run.results.reduce((n, r) => n + r.requests, 0)
  const failed = run.results.filter((r) => r.status !== 'passed').length
  if (failed > 0 || run.runErrors.length > 0) throw new Error(`bench run ${i} was not clean: ${failed} checks did not pass`)
  suiteTimes.push(ms)
  suiteRates.push(requests / (ms / 1000))
}

// 3. The raw loop: the same requests, one at a time, through undici alone. The recording's SIDs name resources of
//    the recorded run; each is mapped to the one this loop's own creates return, so the requests do the same work.
const auth = basicAuth(target.username, target.secret)
const base = new URL(server.url)
async function rawLoop(): Promise<{ requests: number; ms: number }> {
  const started = performance.now()
  let requests = 0
  for (const cassette of mix) {
    const sids = new Map<string, string>()
    const rewrite = (text: string) => text.replace(/\b[A-Z]{2}[0-9a-fA-F]{32}\b/g, (sid) => sids.get(sid) ?? sid)
    for (const i of cassette) {
      const path = rewrite(new URL(i.path, base).pathname + new URL(i.path, base).search)
      const form = i.body === undefined ? undefined : typeof i.body === 'string' ? rewrite(i.body) : new URLSearchParams(Object.entries(i.body).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, rewrite(x)]))).toString()
      const credentials = i.conformance?.credentials ?? 'target'
      const res = await request(server.url + path, {
        method: i.method as 'GET',
        dispatcher: agent,
        headers: {
          accept: 'application/json',
          ...(credentials === 'target' ? { authorization: auth } : credentials === 'other' ? { authorization: 'Basic eDp5' } : {}),
          ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(i.conformance?.requestHeaders ?? {}),
        },
        ...(form !== undefined ? { body: form } : {}),
      })
      const text = await res.body.text()
      requests++
      // A create answered: its SID stands for the recorded one from now on.
      const recordedSid = (i.response as { sid?: unknown } | undefined)?.sid
      if (typeof recordedSid === 'string' && res.statusCode < 300) {
        const liveSid = (JSON.parse(text) as { sid?: unknown }).sid
        if (typeof liveSid === 'string') sids.set(recordedSid, liveSid)
      }
    }
  }
  return { requests, ms: performance.now() - started }
}
const rawRates: number[] = []
for (let i = 0; i < runs; i++) {
  const { requests, ms } = await rawLoop()
  rawRates.push(requests / (ms / 1000))
}

const suiteRate = median(suiteRates)
const rawRate = median(rawRates)
process.stdout.write(`suite (ci profile, ${runs} runs): median ${(median(suiteTimes) / 1000).toFixed(2)} s, ${Math.round(suiteRate)} requests/s\n`)
process.stdout.write(`raw undici loop (the same ${mixRequests} requests, one at a time, ${runs} runs): median ${Math.round(rawRate)} requests/s\n`)
process.stdout.write(`max RSS: ${mb(process.resourceUsage().maxRSS * 1024)}\n`)
process.stdout.write(`suite/raw: ${(suiteRate / rawRate).toFixed(2)}\n`)

await agent.close()
await server.close()
process.exit(0)
