import { expect, test } from 'vitest'
import { runSuites } from '../src/cli/run-suites.ts'

// An interrupt that arrives before the checks begin (while the embedded server starts, or vitest loads) stops them
// all: an abort listener added after the abort never fires, and a worker cannot hear an interrupt before it listens.
test('a run interrupted before its checks begin starts none of them', async () => {
  const started = Date.now()
  const run = await runSuites({
    config: { target: { baseUrl: 'http://127.0.0.1:9', accountSid: 'AC' + '1'.repeat(32), username: 'AC' + '1'.repeat(32), secret: 'x', timeoutMs: 1000 }, profile: 'ci', seed: 1, embedded: false, runId: 'interrupted-early', settleMs: 0 },
    select: [],
    signal: AbortSignal.abort(),
  })
  expect(run).toEqual({ results: [], runErrors: [] })
  // Nothing loaded, nothing waited for: vitest alone takes seconds to start.
  expect(Date.now() - started).toBeLessThan(1000)
})
