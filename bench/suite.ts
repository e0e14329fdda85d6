/**
 * Benchmark: the whole suite against the embedded reference server, in this process (vitest's pool is threads, so
 * process.resourceUsage().maxRSS covers the workers too), plus the raw throughput of the one HTTP client against
 * the reference server. Numbers are printed and appended to nothing: copy them into bench/README.md when they
 * change meaningfully. Timings are measured here, never asserted in tests.
 *
 *   npm run bench                 # 3 suite runs and a 5,000-request client loop
 *   npm run bench -- --runs 5
 */
import { Agent } from 'undici'
import { startReferenceServer } from '../mock/server.ts'
import { preflight, preflightClient } from '../src/cli/preflight.ts'
import { runSuites } from '../src/cli/run-suites.ts'
import { ConversationsApi } from '../src/client/api.ts'
import { HttpClient } from '../src/client/http.ts'
import type { Target } from '../src/client/target.ts'

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const server = await startReferenceServer()
const target: Target = { baseUrl: server.url, accountSid: server.accountSid, username: server.accountSid, secret: server.authToken, timeoutMs: 10_000 }
const agent = new Agent()
const pre = await preflight(preflightClient(target, agent))

const times: number[] = []
const requests: number[] = []
for (let i = 0; i < runs; i++) {
  const started = performance.now()
  const run = await runSuites({
    config: { target, embedded: true, profile: 'ci', seed: 1 + i, runId: `bench ${i}`, settleMs: 0, ...(pre.defaultServiceSid ? { defaultServiceSid: pre.defaultServiceSid } : {}) },
    select: [],
  })
  times.push(performance.now() - started)
  requests.push(run.results.reduce((n, r) => n + r.requests, 0))
  const failed = run.results.filter((r) => r.status !== 'passed').length
  if (failed > 0 || run.runErrors.length > 0) throw new Error(`bench run ${i} was not clean: ${failed} checks did not pass`)
}
const suiteMs = median(times)
const suiteRequests = median(requests)
process.stdout.write(
  `suite (ci profile, ${runs} runs): median ${(suiteMs / 1000).toFixed(2)} s, ${suiteRequests} requests, ` +
    `${Math.round(suiteRequests / (suiteMs / 1000))} requests/s; max RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}\n`,
)

// The client alone: sequential fetches of one message, the cost per request of the one HTTP path.
const http = new HttpClient(target, { dispatcher: agent })
const api = new ConversationsApi(http)
const conv = (await api.createConversation('default', '', 'bench')).json as { sid: string }
const messages = api.messages({ sid: conv.sid, serviceSid: '', scope: 'default' })
const sid = ((await messages.create({ Body: 'bench' })).json as { sid: string }).sid
const loops = 5000
const started = performance.now()
for (let i = 0; i < loops; i++) await messages.fetch(sid)
const loopMs = performance.now() - started
process.stdout.write(`client: ${loops} sequential fetches in ${(loopMs / 1000).toFixed(2)} s, ${Math.round(loops / (loopMs / 1000))} requests/s\n`)
process.stdout.write(`max RSS: ${mb(process.resourceUsage().maxRSS * 1024)}\n`)

await agent.close()
await server.close()
process.exit(0)
