import fc from 'fast-check'
import { MockAgent } from 'undici'
import { afterEach, describe, expect, test } from 'vitest'
import { CouldNotJudge, TransientFault, TransportError } from '../src/client/errors.ts'
import { HttpClient, type HttpClientOptions } from '../src/client/http.ts'
import { RateLimitGate } from '../src/client/rate-limit-gate.ts'
import { classifyResponse, type RetryEvent, retryAfterMs, retryDelayMs } from '../src/client/retry.ts'
import { runProperty } from '../src/harness/property.ts'
import { createSettler } from '../src/harness/settle.ts'
import { expectRejected, isValidationError } from '../src/harness/verify.ts'

// The client's retry policy (src/client/retry.ts, src/client/http.ts) and read-after-write settling
// (src/harness/settle.ts): a transient fault of the target is never a verdict, one that persists is.

const ORIGIN = 'http://target.invalid'
const TARGET = { baseUrl: ORIGIN, accountSid: 'AC' + '1'.repeat(32), username: 'AC' + '1'.repeat(32), secret: 's3cret-value', timeoutMs: 2000 }
const FAST = { maxTransientRetries: 4, baseDelayMs: 1, maxDelayMs: 5 }
const twilioError = (status: number, code: number) => JSON.stringify({ code, message: 'x', more_info: `https://www.twilio.com/docs/errors/${code}`, status })

const agents: MockAgent[] = []
afterEach(async () => {
  await Promise.all(agents.splice(0).map((a) => a.close()))
})

/** A client on a MockAgent; `answers` are served in order, one per request; returns the client and what it saw. */
function clientWith(answers: Array<[number, string, Record<string, string>?] | 'reset'>, extra: Partial<HttpClientOptions> = {}) {
  const agent = new MockAgent()
  agents.push(agent)
  agent.disableNetConnect()
  const pool = agent.get(ORIGIN)
  for (const a of answers) {
    const scope = pool.intercept({ path: () => true, method: () => true })
    if (a === 'reset') scope.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    else scope.reply(a[0], a[1], { headers: { 'content-type': 'application/json', ...a[2] } })
  }
  const retries: RetryEvent[] = []
  const http = new HttpClient(TARGET, { dispatcher: agent, retryPolicy: FAST, onRetry: (e) => retries.push(e), ...extra })
  return { http, retries }
}

describe('what counts as transient', () => {
  test('429 is rate limited; a 5xx with Twilio 20503 or 20429 was not processed; any other 5xx may have been', () => {
    expect(classifyResponse(429, undefined)).toBe('rate-limited')
    expect(classifyResponse(503, { code: 20503 })).toBe('not-processed')
    expect(classifyResponse(503, { code: 20429 })).toBe('not-processed')
    expect(classifyResponse(500, { code: 20500 })).toBe('maybe-processed')
    expect(classifyResponse(404, { code: 20404 })).toBeUndefined()
  })

  test('Retry-After in seconds and as an HTTP date; otherwise backoff with full jitter, capped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs('2', now)).toBe(2000)
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryDelayMs(undefined, 3, { maxTransientRetries: 4, baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.5)).toBe(400)
    expect(retryDelayMs(undefined, 20, { maxTransientRetries: 4, baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.999)).toBeLessThan(10_000)
  })
})

describe('a 429 holds back every request to the target, not only its own', () => {
  const policy = { maxTransientRetries: 4, baseDelayMs: 100, maxDelayMs: 10_000 }

  test('Retry-After is waited at least, with a little jitter; without it, the wait grows with the 429s in a row, and an answer resets it', () => {
    const gate = new RateLimitGate(() => 0.999)
    const told = gate.rateLimited(1000, policy, 0)
    expect(told).toBeGreaterThanOrEqual(1000)
    expect(told).toBeLessThan(1250)
    gate.answered()
    let now = 10_000
    const waits = [1, 2, 3, 4].map(() => {
      const wait = gate.rateLimited(undefined, policy, now)
      now += wait
      return wait
    })
    expect(waits).toEqual([99, 199, 399, 799]) // equal jitter: at least half of each doubling step
    // A 429 to a request sent while the gate was closed is the same burst: no longer wait.
    expect(gate.rateLimited(undefined, policy, now + 1)).toBe(1599)
    expect(gate.rateLimited(undefined, policy, now + 2)).toBe(1598)
    gate.answered()
    expect(gate.rateLimited(undefined, policy, now + 5000)).toBe(99)
  })

  test('a client sharing the gate waits out the 429 another client was answered', async () => {
    const gate = new RateLimitGate()
    const first = clientWith([[429, twilioError(429, 20429), { 'retry-after': '1' }], [200, '{}']], { rateLimitGate: gate, retryPolicy: { ...FAST, maxDelayMs: 10_000 } })
    const second = clientWith([[200, '{}']], { rateLimitGate: gate, retryPolicy: { ...FAST, maxDelayMs: 10_000 } })
    const firstDone = first.http.send({ method: 'GET', path: '/v1/a' })
    await new Promise((resolve) => setTimeout(resolve, 50)) // the first has been answered 429 by now
    expect(gate.holdMs()).toBeGreaterThan(800)
    const started = Date.now()
    await second.http.send({ method: 'GET', path: '/v1/b' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(800) // held back although its own request was never refused
    expect(second.retries).toEqual([])
    await firstDone
  })
})

describe('the client repeats what is safe to repeat', () => {
  test('a 429 is repeated, even for a POST, as often as it takes within the budget', async () => {
    const { http, retries } = clientWith([...Array.from({ length: 7 }, () => [429, twilioError(429, 20429), { 'retry-after': '0' }] as [number, string, Record<string, string>]), [201, '{"sid":"IM1"}']])
    const ex = await http.send({ method: 'POST', path: '/v1/Conversations/CH1/Messages', form: { Body: 'x' } })
    expect(ex.response.status).toBe(201)
    expect(retries).toHaveLength(7)
    expect(retries.every((r) => r.kind === 'rate-limited' && r.status === 429)).toBe(true)
  })

  test('a 429 that outlasts the budget is "could not judge", never a failure', async () => {
    const { http } = clientWith(Array.from({ length: 20 }, () => [429, twilioError(429, 20429), { 'retry-after': '1' }] as [number, string, Record<string, string>]), { deadline: Date.now() + 500, retryPolicy: { ...FAST, maxDelayMs: 10_000 } })
    await expect(http.send({ method: 'GET', path: '/v1/x' })).rejects.toThrow(/still rate limited \(429\)/)
  })

  test('a 503 with 20503 (not processed) is repeated, POST included', async () => {
    const { http, retries } = clientWith([[503, twilioError(503, 20503)], [503, twilioError(503, 20503)], [201, '{"sid":"IM1"}']], { unsafeTransient: 'rerun' })
    expect((await http.send({ method: 'POST', path: '/v1/x', form: { Body: 'x' } })).response.status).toBe(201)
    expect(retries.map((r) => r.status)).toEqual([503, 503])
  })

  test('a reset GET is repeated', async () => {
    const { http, retries } = clientWith(['reset', [200, '{}']])
    expect((await http.send({ method: 'GET', path: '/v1/x' })).response.status).toBe(200)
    expect(retries[0]).toMatchObject({ kind: 'maybe-processed', method: 'GET' })
  })

  test('a 500 on a POST is not repeated: in a first run it asks for a re-run of the check', async () => {
    const { http, retries } = clientWith([[500, twilioError(500, 20500)], [201, '{}']], { unsafeTransient: 'rerun' })
    await expect(http.send({ method: 'POST', path: '/v1/x', form: { Body: 'x' } })).rejects.toBeInstanceOf(TransientFault)
    expect(retries).toEqual([])
    // Once stopped, the client fails at once without the network: a property stops instead of shrinking.
    await expect(http.send({ method: 'GET', path: '/v1/y' })).rejects.toBeInstanceOf(TransientFault)
  })

  test('in the re-run, a persisting 500 stands and is judged; a persisting reset is an error, not a pass', async () => {
    const judged = clientWith([[500, twilioError(500, 20500)]], { unsafeTransient: 'judge' })
    expect((await judged.http.send({ method: 'POST', path: '/v1/x', form: { Body: 'x' } })).response.status).toBe(500)
    const gets = clientWith([[500, twilioError(500, 20500)], [500, twilioError(500, 20500)], [500, twilioError(500, 20500)], [500, twilioError(500, 20500)], [500, twilioError(500, 20500)]], { unsafeTransient: 'judge' })
    expect((await gets.http.send({ method: 'GET', path: '/v1/x' })).response.status).toBe(500)
    expect(gets.retries).toHaveLength(4)
    const reset = clientWith(['reset'], { unsafeTransient: 'judge' })
    await expect(reset.http.send({ method: 'POST', path: '/v1/x', form: { Body: 'x' } })).rejects.toBeInstanceOf(TransportError)
  })

  test('a DELETE repeated after a reset that answers 404 may have deleted the first time: re-run, not judged', async () => {
    const { http } = clientWith(['reset', [404, twilioError(404, 20404)]], { unsafeTransient: 'rerun' })
    await expect(http.send({ method: 'DELETE', path: '/v1/x' })).rejects.toBeInstanceOf(TransientFault)
  })

  test('an aborted check stops at its next request with the reason it was given', async () => {
    const stop = new AbortController()
    stop.abort(new CouldNotJudge('ran out of time'))
    const { http } = clientWith([[200, '{}']], { signal: stop.signal })
    await expect(http.send({ method: 'GET', path: '/v1/x' })).rejects.toThrow('ran out of time')
  })
})

describe('settling a read that verifies a write', () => {
  const settler = (settleMs: number) => createSettler({ settleMs, budgetMs: 2 * settleMs, deadline: Date.now() + 10_000 })

  test('a consistent target pays nothing: one read, no wait, nothing recorded as delayed', async () => {
    const s = settler(1000)
    let reads = 0
    expect(await s.settle(async () => ++reads, () => true)).toBe(1)
    expect(s.record).toMatchObject({ reads: 1, polls: 1, delayed: 0, waitedMs: 0, unsettled: 0 })
  })

  test('a lagging target is polled until it agrees, and the wait is recorded', async () => {
    const s = settler(2000)
    let reads = 0
    expect(await s.settle(async () => ++reads, (n) => n >= 3)).toBe(3)
    expect(s.record).toMatchObject({ reads: 1, polls: 3, delayed: 1, unsettled: 0 })
    expect(s.record.longestMs).toBeGreaterThan(0)
  })

  test('a target that never agrees is judged on its last answer once the settle time is spent', async () => {
    const s = settler(120)
    let reads = 0
    const last = await s.settle(async () => ++reads, () => false)
    expect(last).toBe(reads)
    expect(s.record.unsettled).toBe(1)
    expect(s.record.waitedMs).toBeGreaterThanOrEqual(100)
  })

  test('a first read slower than the settle time (latency, a 429 burst) is still followed by another read', async () => {
    const s = settler(100)
    let reads = 0
    const slowThenShown = async () => {
      reads++
      if (reads === 1) await new Promise((resolve) => setTimeout(resolve, 250))
      return reads
    }
    expect(await s.settle(slowThenShown, (n) => n >= 2)).toBe(2)
    expect(s.record).toMatchObject({ polls: 2, delayed: 1, unsettled: 0 })
  })
})

describe('a validation error is a 4xx other than 401, 403, 404, 405 and 429', () => {
  const ex = (status: number) => ({
    request: { method: 'POST', path: '/v1/Conversations/CH1/Messages', headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, text: twilioError(status, status === 404 ? 20404 : 20001) },
    json: JSON.parse(twilioError(status, status === 404 ? 20404 : 20001)) as unknown,
    durationMs: 1,
  })

  test('400 and 422 are validation errors; 401, 403, 404, 405 and 429 are not', () => {
    expect([400, 409, 413, 422].map(isValidationError)).toEqual([true, true, true, true])
    expect([401, 403, 404, 405, 429, 500, 201].map(isValidationError)).toEqual([false, false, false, false, false, false, false])
  })

  test('expectRejected refuses a 404 as "rejected as invalid", and takes a 400', () => {
    expect(() => expectRejected(ex(404), 'a Body of 32,769 characters')).toThrow(/404 is not a validation error/)
    expect(expectRejected(ex(400), 'a Body of 32,769 characters').code).toBe(20001)
  })
})

describe('a property whose time runs out', () => {
  const slow = (ms: number) => fc.asyncProperty(fc.nat(), () => new Promise<void>((resolve) => setTimeout(resolve, ms)))

  test('before its first input finished: could not judge, never a failure', async () => {
    const run = runProperty(slow(300), { seed: 1, numRuns: 5, timeLimitMs: 50, replay: 'x' })
    await expect(run).rejects.toBeInstanceOf(CouldNotJudge)
    await expect(run).rejects.toThrow(/ran out before its first input could be tried/)
  })

  test('after some inputs passed: it passes with the runs it made', async () => {
    expect(await runProperty(slow(30), { seed: 1, numRuns: 1000, timeLimitMs: 150, replay: 'x' })).toBeGreaterThan(0)
  })
})
