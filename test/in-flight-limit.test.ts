import { describe, expect, test, vi } from 'vitest'
import { InFlightLimit } from '../src/client/in-flight-limit.ts'
import { RateLimitGate } from '../src/client/rate-limit-gate.ts'
import { DEFAULT_RETRY_POLICY } from '../src/client/retry.ts'
import { CheckBudget } from '../src/harness/budget.ts'

// The ci profile adapts the checks in flight to the target's 429s, and does not charge a check for the time the
// rate limit holds it: src/client/in-flight-limit.ts, src/harness/budget.ts.

describe('the limit of checks in flight', () => {
  test('a burst of 429s halves it, at most once a second, never below one; answers grow it back one per window, up to where it started', () => {
    const limit = new InFlightLimit(16)
    limit.burst(10_000)
    limit.burst(10_500) // the same overload: requests sent before the first 429 came back
    expect(limit.record()).toMatchObject({ initial: 16, lowest: 8, current: 8, halvings: 1 })
    for (const t of [11_000, 12_000, 13_000, 14_000, 15_000]) limit.burst(t)
    expect(limit.record()).toMatchObject({ lowest: 1, current: 1, halvings: 4 })
    limit.answered()
    expect(limit.record()).toMatchObject({ current: 2, increases: 1 })
    for (let i = 0; i < 2 + 3 + 4; i++) limit.answered() // a window of 2, then of 3, then of 4
    expect(limit.record()).toMatchObject({ current: 5, increases: 4 })
    for (let i = 0; i < 1000; i++) limit.answered()
    expect(limit.record()).toMatchObject({ initial: 16, lowest: 1, current: 16 })
  })

  test('never moved, it has nothing to report', () => {
    const limit = new InFlightLimit(8)
    limit.answered()
    expect(limit.record()).toBeUndefined()
  })

  test('no check starts while as many as the limit are running; a check that ends lets the next one start', async () => {
    const limit = new InFlightLimit(4)
    const releases = await Promise.all([1, 2, 3, 4].map(() => limit.acquire()))
    limit.burst(0) // down to 2: the four in flight finish, none starts until fewer than two run
    let started = 0
    const waiting = [limit.acquire(), limit.acquire()].map((p) => p.then((release) => (started++, release)))
    releases[0]!()
    releases[1]!()
    releases[1]!() // a second release of the same slot is nothing
    await new Promise((r) => setTimeout(r, 10))
    expect(started).toBe(0)
    releases[2]!()
    await new Promise((r) => setTimeout(r, 10))
    expect(started).toBe(1)
    releases[3]!()
    for (const release of await Promise.all(waiting)) release()
    expect(started).toBe(2)
  })

  test('the rate-limit gate tells it of a new burst only: a 429 while the gate is closed answers a request sent before', () => {
    const gate = new RateLimitGate(() => 0)
    const listener = { burst: vi.fn(), answered: vi.fn() }
    gate.listen(listener)
    gate.rateLimited(1000, DEFAULT_RETRY_POLICY, 0)
    gate.rateLimited(1000, DEFAULT_RETRY_POLICY, 500)
    expect(listener.burst).toHaveBeenCalledTimes(1)
    gate.rateLimited(1000, DEFAULT_RETRY_POLICY, 1600)
    expect(listener.burst).toHaveBeenCalledTimes(2)
    gate.answered()
    expect(listener.answered).toHaveBeenCalledTimes(1)
  })
})

describe("a check's time budget", () => {
  test('time held by the rate limit moves its end on, up to the run’s end; spent, it runs out', async () => {
    const out = vi.fn()
    const now = Date.now()
    const budget = new CheckBudget(50, now + 120, out, now)
    expect(budget.deadline).toBe(now + 50)
    budget.hold(40)
    expect(budget.deadline).toBe(now + 90)
    budget.hold(1000)
    expect(budget.deadline).toBe(now + 120) // the run's end bounds it
    expect(budget.held).toBe(1040)
    await new Promise((r) => setTimeout(r, 80))
    expect(out).not.toHaveBeenCalled()
    await new Promise((r) => setTimeout(r, 80))
    expect(out).toHaveBeenCalledTimes(1)
    budget.hold(100) // over: nothing more to move
    expect(budget.deadline).toBe(now + 120)
  })

  test('stopped, it never runs out', async () => {
    const out = vi.fn()
    const budget = new CheckBudget(10, Date.now() + 1000, out)
    budget.stop()
    await new Promise((r) => setTimeout(r, 30))
    expect(out).not.toHaveBeenCalled()
  })
})
