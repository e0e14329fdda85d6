// Reference server: each production condition shows the behaviour it names, and the conditions
// compose with each other and with every variant. Every probe is also run against a server without
// the condition, where it must fail: that proves the probe detects the condition rather than passing
// anyway. Values are kept short (a few hundred ms) and every wait has a margin, so nothing here is a
// race against the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONDITIONS, resolveConditions, type ConditionName } from '../mock/conditions.ts'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { basicAuth, TestClient, type RawResponse } from '../mock/testkit.ts'
import { createTraffic } from '../mock/traffic.ts'
import { expectTwilioError } from './support/twilio-error.ts'
import { VARIANTS } from '../mock/variants.ts'

type Probe = (server: ReferenceServer) => Promise<void>

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const LAG = 300
/** Long enough after a write for a lagged list to show it, with room for a slow machine. */
const AFTER_LAG = LAG + 150
const BURST = 200

const keyAuth = (server: ReferenceServer) => basicAuth(server.apiKey, server.apiSecret)

async function messagesPath(api: TestClient): Promise<string> {
  return `/v1/Conversations/${await api.conversation()}/Messages`
}

const bodiesOf = (res: RawResponse): string[] => res.json.messages.map((m: any) => m.body)

/** Creates messages until one is refused with 429; returns how many requests the server saw by then. */
/**
 * Under a condition that refuses some requests unprocessed with `status`: makes a conversation (past refusals), posts
 * `count` messages (each answer 201, or a refusal `judgeRefusal` checks), then lists them (past refusals) and expects
 * exactly the accepted ones stored. Returns how many were refused.
 */
async function createPastRefusals(api: TestClient, count: number, status: number, judgeRefusal: (res: RawResponse) => void): Promise<{ refused: number }> {
  let path = ''
  while (path === '') {
    const res = await api.post('/v1/Conversations')
    if (res.status === 201) path = `/v1/Conversations/${res.json.sid}/Messages`
  }
  let created = 0
  for (let i = 0; i < count; i++) {
    const res = await api.post(path, { Body: `m${i}` })
    if (res.status === status) judgeRefusal(res)
    else {
      expect(res.status).toBe(201)
      created++
    }
  }
  // Refused requests were never processed: exactly the 201s were stored.
  let list: RawResponse
  do list = await api.get(`${path}?PageSize=100`)
  while (list.status === status)
  expect(list.json.messages).toHaveLength(created)
  return { refused: count - created }
}

async function createUntil429(api: TestClient, path: string, sentBefore: number, max = 200) {
  let created = 0
  for (let sent = sentBefore + 1; sent <= max; sent++) {
    const res = await api.post(path, { Body: `m${sent}` })
    if (res.status === 429) return { refused: res, sent, created }
    expect(res.status).toBe(201)
    created++
  }
  throw new Error(`no 429 within ${max} requests`)
}

/** Probes with the condition values they run under. */
const probes: Record<ConditionName, { conditions: string[]; probe: Probe }> = {
  latency: {
    conditions: ['latency=150'],
    probe: async (server) => {
      const api = new TestClient(server)
      for (let i = 0; i < 3; i++) {
        const started = performance.now()
        expect((await api.get('/v1/Configuration')).status).toBe(200)
        // At least 0.5 × 150 ms; a few ms less for timer rounding.
        expect(performance.now() - started).toBeGreaterThanOrEqual(70)
      }
    },
  },

  'list-lag': {
    conditions: [`list-lag=${LAG}`],
    probe: async (server) => {
      const api = new TestClient(server)
      const path = await messagesPath(api)
      // A create is fetchable at once (read-your-writes) but listed only after the lag.
      const a = (await api.post(path, { Body: 'a' })).json
      expect(bodiesOf(await api.get(path))).toEqual([])
      expect(bodiesOf(await api.get(`/v1/Services/${server.defaultServiceSid}${path.slice(3)}`))).toEqual([]) // both scopes lag
      expect((await api.get(`${path}/${a.sid}`)).json.body).toBe('a')
      await sleep(AFTER_LAG)
      expect(bodiesOf(await api.get(path))).toEqual(['a'])

      // An edit is fetched at once, listed after the lag; so are newer messages.
      expect((await api.post(`${path}/${a.sid}`, { Body: 'a2', Author: 'zed' })).status).toBe(200)
      const b = (await api.post(path, { Body: 'b' })).json
      await api.post(path, { Body: 'c' })
      const stale = (await api.get(path)).json.messages
      expect(stale).toHaveLength(1)
      expect(stale[0]).toMatchObject({ sid: a.sid, body: 'a', author: 'system', date_updated: a.date_updated })
      expect((await api.get(`${path}/${a.sid}`)).json).toMatchObject({ body: 'a2', author: 'zed' })
      await sleep(AFTER_LAG)
      expect(bodiesOf(await api.get(path))).toEqual(['a2', 'b', 'c'])

      // A delete: still listed, and still fetchable, within the lag; update and delete see it gone at once.
      expect((await api.delete(`${path}/${b.sid}`)).status).toBe(204)
      expect(bodiesOf(await api.get(path))).toEqual(['a2', 'b', 'c'])
      expect((await api.get(`${path}/${b.sid}`)).status).toBe(200)
      expect((await api.post(`${path}/${b.sid}`, { Body: 'x' })).status).toBe(404)
      expect((await api.delete(`${path}/${b.sid}`)).status).toBe(404)
      // Paging walks the same lagged view: three one-message pages, the last without a next page.
      const pages = await api.allPages(`${path}?PageSize=1`)
      expect(pages.flatMap(bodiesOf)).toEqual(['a2', 'b', 'c'])
      expect(pages.at(-1)!.json.meta.next_page_url).toBeNull()
      await sleep(AFTER_LAG)
      expect(bodiesOf(await api.get(path))).toEqual(['a2', 'c'])
      expect((await api.get(`${path}/${b.sid}`)).status).toBe(404)
    },
  },

  'transient-503': {
    conditions: ['transient-503=3'],
    probe: async (server) => {
      const { refused } = await createPastRefusals(new TestClient(server), 40, 503, (res) => {
        expect(res.json).toEqual({ code: 20503, message: 'Service Unavailable', more_info: 'https://www.twilio.com/docs/errors/20503', status: 503 })
      })
      expect(refused).toBeGreaterThan(0)
    },
  },

  'rate-limit-burst': {
    conditions: [`rate-limit-burst=${BURST}`],
    probe: async (server) => {
      const api = new TestClient(server)
      const path = await messagesPath(api)
      const { refused, sent, created } = await createUntil429(api, path, 1)
      expect(sent).toBe(150)
      expectTwilioError(refused, 429, 20429)
      expect(refused.headers['retry-after']).toBe('1')
      expect((await api.get('/v1/Configuration')).status).toBe(429) // the burst goes on
      await sleep(BURST + 150)
      expect((await api.allPages(`${path}?PageSize=100`)).flatMap(bodiesOf)).toHaveLength(created) // nothing refused was stored
    },
  },

  'rate-limit-burst-no-retry-after': {
    conditions: [`rate-limit-burst-no-retry-after=${BURST}`],
    probe: async (server) => {
      const api = new TestClient(server)
      const path = await messagesPath(api)
      const { refused, sent, created } = await createUntil429(api, path, 1)
      expect(sent).toBe(75)
      expectTwilioError(refused, 429, 20429)
      expect(refused.headers).not.toHaveProperty('retry-after')
      expect((await api.get('/v1/Configuration')).status).toBe(429)
      await sleep(BURST + 150)
      expect((await api.allPages(`${path}?PageSize=100`)).flatMap(bodiesOf)).toHaveLength(created)
    },
  },

  'rate-limit-steady': {
    conditions: ['rate-limit-steady=3'],
    probe: async (server) => {
      const { refused } = await createPastRefusals(new TestClient(server), 60, 429, (res) => {
        expectTwilioError(res, 429, 20429)
        expect(res.headers['retry-after']).toBe('1')
      })
      // About one in three, spread out: refusals and successes both, never a burst that refuses everything.
      expect(refused).toBeGreaterThan(8)
      expect(refused).toBeLessThan(40)
    },
  },

  'chat-body-limit': {
    conditions: ['chat-body-limit'],
    probe: async (server) => {
      const api = new TestClient(server)
      const path = await messagesPath(api)
      expect((await api.post(path, { Body: 'a'.repeat(1601) })).status).toBe(201)
      const longest = await api.post(path, { Body: 'a'.repeat(32768) })
      expect(longest.status).toBe(201)
      expect(longest.json.body).toHaveLength(32768)
      // Counted in UTF-16 code units: an emoji is two.
      expect((await api.post(path, { Body: '😀'.repeat(16384) })).status).toBe(201)
      expectTwilioError(await api.post(path, { Body: '😀'.repeat(16384) + 'a' }), 400, 50504)
      const tooLong = await api.post(path, { Body: 'a'.repeat(32769) })
      expectTwilioError(tooLong, 400, 50504)
      expect(tooLong.json.message).toBe('Message body parameter is too long')
      // Update has the same limit.
      const sid = longest.json.sid
      expectTwilioError(await api.post(`${path}/${sid}`, { Body: 'b'.repeat(32769) }), 400, 50504)
      expect((await api.post(`${path}/${sid}`, { Body: 'b'.repeat(32768) })).status).toBe(200)
    },
  },

  'attributes-limit': {
    conditions: ['attributes-limit'],
    probe: async (server) => {
      const api = new TestClient(server)
      const path = await messagesPath(api)
      // 4,096 UTF-8 bytes of JSON are accepted, one byte more is not; "é" counts two bytes.
      const within = JSON.stringify({ pad: 'a'.repeat(4096 - 10) })
      expect(Buffer.byteLength(within)).toBe(4096)
      const created = await api.post(path, { Body: 'x', Attributes: within })
      expect(created.status).toBe(201)
      expect(created.json.attributes).toBe(within)
      const tooLong = await api.post(path, { Body: 'x', Attributes: JSON.stringify({ pad: 'a'.repeat(4096 - 9) }) })
      expectTwilioError(tooLong, 400, 50303)
      expectTwilioError(await api.post(path, { Body: 'x', Attributes: JSON.stringify({ pad: 'é'.repeat(2044) }) }), 400, 50303)
      // Update has the same limit.
      expectTwilioError(await api.post(`${path}/${created.json.sid}`, { Attributes: JSON.stringify({ pad: 'b'.repeat(5000) }) }), 400, 50303)
    },
  },

  'auto-users': {
    conditions: ['auto-users'],
    probe: async (server) => {
      const api = new TestClient(server)
      const conv = await api.conversation()
      expect((await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'alice' })).status).toBe(201)
      const users = (await api.get('/v1/Users')).json.users
      expect(users).toHaveLength(1)
      expect(users[0]).toMatchObject({ sid: expect.stringMatching(/^US[0-9a-f]{32}$/), identity: 'alice', chat_service_sid: server.defaultServiceSid })
      // A second participant with the same identity elsewhere reuses the User.
      const other = await api.conversation()
      await api.post(`/v1/Conversations/${other}/Participants`, { Identity: 'alice' })
      expect((await api.get('/v1/Users')).json.users).toHaveLength(1)
      // Deleting the conversations does not delete the User.
      expect((await api.delete(`/v1/Conversations/${conv}`)).status).toBe(204)
      expect((await api.delete(`/v1/Conversations/${other}`)).status).toBe(204)
      expect((await api.get('/v1/Users/alice')).json.sid).toBe(users[0].sid)
      // A service-scoped participant makes a User of that service only.
      const svc = await api.service()
      const svcConv = await api.conversation(svc)
      await api.post(`/v1/Services/${svc}/Conversations/${svcConv}/Participants`, { Identity: 'bob' })
      expect((await api.get(`/v1/Services/${svc}/Users`)).json.users.map((u: any) => u.identity)).toEqual(['bob'])
      expect((await api.get('/v1/Users/bob')).status).toBe(404)
    },
  },

  'api-keys': {
    conditions: ['api-keys'],
    probe: async (server) => {
      const api = new TestClient(server)
      expect((await api.get('/v1/Configuration', { auth: keyAuth(server) })).status).toBe(200)
      expect((await api.get('/v1/Configuration')).status).toBe(200) // the auth token still works
      const conv = (await api.post('/v1/Conversations', {}, { auth: keyAuth(server) })).json.sid
      expect((await api.post(`/v1/Conversations/${conv}/Messages`, { Body: 'x' }, { auth: keyAuth(server) })).status).toBe(201)
      const wrong = await api.get('/v1/Configuration', { auth: basicAuth(server.apiKey, server.apiSecret + 'x') })
      expectTwilioError(wrong, 401, 20003)
      expect((await api.get('/v1/Configuration', { auth: basicAuth(server.accountSid, server.apiSecret) })).status).toBe(401)
    },
  },

  'restricted-key': {
    conditions: ['restricted-key'],
    probe: async (server) => {
      const api = new TestClient(server)
      const asKey = { auth: keyAuth(server) }
      const refused = await api.get('/v1/Configuration', asKey)
      expectTwilioError(refused, 403, 20403)
      expect((await api.get('/v1/Configuration')).status).toBe(200) // the account may read it
      // Everything else works with the key.
      const conv = (await api.post('/v1/Conversations', {}, asKey)).json.sid
      const path = `/v1/Conversations/${conv}/Messages`
      const m = await api.post(path, { Body: 'x' }, asKey)
      expect(m.status).toBe(201)
      expect((await api.get(`${path}/${m.json.sid}`, asKey)).status).toBe(200)
      expect((await api.post(`${path}/${m.json.sid}`, { Body: 'y' }, asKey)).status).toBe(200)
      expect((await api.get(path, asKey)).status).toBe(200)
      expect((await api.delete(`${path}/${m.json.sid}`, asKey)).status).toBe(204)
      expect((await api.get(`/v1/Services/${server.defaultServiceSid}`, asKey)).status).toBe(200)
      expect((await api.delete(`/v1/Conversations/${conv}`, asKey)).status).toBe(204)
    },
  },
}

let clean: ReferenceServer
beforeAll(async () => {
  clean = await startReferenceServer()
})
afterAll(() => clean.close())

async function withServer(opts: Parameters<typeof startReferenceServer>[0], probe: Probe): Promise<void> {
  const server = await startReferenceServer(opts)
  try {
    await probe(server)
  } finally {
    await server.close()
  }
}

describe('conditions', () => {
  it('has a one-sentence description and a probe for every condition', () => {
    expect(Object.keys(probes).sort()).toEqual(Object.keys(CONDITIONS).sort())
    for (const text of Object.values(CONDITIONS)) expect(text).toMatch(/^[A-Z].*\.$/)
  })

  describe.each(Object.keys(probes) as ConditionName[])('%s', (name) => {
    it('shows the behaviour it names', () => withServer({ conditions: probes[name].conditions, seed: 1234 }, probes[name].probe))
    it('is not the default', async () => {
      await expect(probes[name].probe(clean)).rejects.toThrow()
    })
  })
})

describe('condition values', () => {
  it('rejects an unknown condition with the valid names, and values that are not allowed', async () => {
    await expect(startReferenceServer({ conditions: ['nope'] })).rejects.toThrow(/Unknown condition "nope"; valid conditions: latency, list-lag/)
    await expect(startReferenceServer({ conditions: ['latency=fast'] })).rejects.toThrow(/"latency" takes an integer of 0 or more/)
    await expect(startReferenceServer({ conditions: ['latency=-1'] })).rejects.toThrow(/takes an integer/)
    await expect(startReferenceServer({ conditions: ['transient-503=1'] })).rejects.toThrow(/2 or more/)
    await expect(startReferenceServer({ conditions: ['auto-users=1'] })).rejects.toThrow(/"auto-users" takes no value/)
    await expect(startReferenceServer({ faults: ['create-200=1'] })).rejects.toThrow(/"create-200" takes no value/)
  })

  it('uses the documented defaults, and the last value given', () => {
    const defaults = resolveConditions(['latency', 'list-lag', 'transient-503', 'rate-limit-burst', 'rate-limit-burst-no-retry-after'])
    expect(defaults.amount('latency')).toBe(20)
    expect(defaults.amount('list-lag')).toBe(1000)
    expect(defaults.amount('transient-503')).toBe(8)
    expect(defaults.amount('rate-limit-burst')).toBe(1000)
    expect(defaults.amount('rate-limit-burst-no-retry-after')).toBe(1000)
    expect(resolveConditions(['latency=5', 'latency=7']).amount('latency')).toBe(7)
  })

  it('restricted-key implies api-keys', () => {
    const conditions = resolveConditions(['restricted-key'])
    expect(conditions.on('api-keys')).toBe(true)
    expect(resolveConditions([]).on('api-keys')).toBe(false)
  })
})

describe('seeded randomness', () => {
  it('jitters latency between 0.5 and 1.5 times the value, the same way for the same seed', () => {
    const draws = (seed: number) => {
      const traffic = createTraffic(resolveConditions(['latency=100']), seed)
      return Array.from({ length: 200 }, () => traffic.delayMs())
    }
    const first = draws(99)
    expect(Math.min(...first)).toBeGreaterThanOrEqual(50)
    expect(Math.max(...first)).toBeLessThanOrEqual(150)
    expect(new Set(first).size).toBeGreaterThan(20) // jitter, not a constant
    expect(draws(99)).toEqual(first)
    expect(draws(100)).not.toEqual(first)
  })

  it('refuses about one request in N with transient-503, the same ones for the same seed', () => {
    const refusals = (seed: number) => {
      const traffic = createTraffic(resolveConditions(['transient-503=8']), seed)
      return Array.from({ length: 4000 }, () => traffic.admit()?.status ?? 200)
    }
    const first = refusals(7)
    const count = first.filter((s) => s === 503).length
    expect(count).toBeGreaterThan(4000 / 8 / 2)
    expect(count).toBeLessThan((4000 / 8) * 2)
    expect(refusals(7)).toEqual(first)
  })

  it('reproduces the same 503s over HTTP for the same seed, and reports the seed', async () => {
    const statuses = async (seed: number) => {
      const server = await startReferenceServer({ conditions: ['transient-503=3'], seed })
      try {
        expect(server.seed).toBe(seed)
        const api = new TestClient(server)
        const out: number[] = []
        for (let i = 0; i < 20; i++) out.push((await api.get('/v1/Configuration')).status)
        return out
      } finally {
        await server.close()
      }
    }
    const first = await statuses(42)
    expect(first).toContain(503)
    expect(await statuses(42)).toEqual(first)
    const random = await startReferenceServer()
    expect(Number.isSafeInteger(random.seed)).toBe(true)
    await random.close()
  })
})

describe('composition', () => {
  it('runs both kinds of burst at once: without Retry-After at the 75th request, with it at the 150th', () =>
    withServer({ conditions: [`rate-limit-burst=${BURST}`, `rate-limit-burst-no-retry-after=${BURST}`] }, async (server) => {
      const api = new TestClient(server)
      const path = await messagesPath(api)
      const first = await createUntil429(api, path, 1)
      expect(first.sent).toBe(75)
      expect(first.refused.headers).not.toHaveProperty('retry-after')
      await sleep(BURST + 150)
      // The request that started the burst counted; those refused during a burst would not.
      const second = await createUntil429(api, path, 75)
      expect(second.sent).toBe(150)
      expect(second.refused.headers['retry-after']).toBe('1')
    }))

  it('serves a whole message lifecycle with every condition and every variant on, for a client that retries', () =>
    withServer(
      {
        conditions: [
          'latency=2',
          `list-lag=${LAG}`,
          'transient-503=4',
          `rate-limit-burst=${BURST}`,
          `rate-limit-burst-no-retry-after=${BURST}`,
          'chat-body-limit',
          'attributes-limit',
          'auto-users',
          'api-keys',
          'restricted-key',
        ],
        variants: Object.keys(VARIANTS),
        seed: 2024,
      },
      async (server) => {
        const api = new TestClient(server)
        const refusals = new Set<number>()
        /** Retries what was refused unprocessed: 503 at once, 429 after its Retry-After (or a short pause). */
        const send = async (method: string, path: string, form?: Record<string, string>, auth = keyAuth(server)): Promise<RawResponse> => {
          for (let attempt = 0; attempt < 50; attempt++) {
            const local = /^https?:/.test(path) ? new URL(path).pathname + new URL(path).search : path // url-origin-twilio
            const res = await api.send(method, local, form === undefined ? undefined : new URLSearchParams(form).toString(), { auth })
            if (res.status !== 503 && res.status !== 429) return res
            refusals.add(res.status)
            if (res.status === 503) continue
            await sleep(Math.min(1000, Number(res.headers['retry-after'] ?? 0) * 1000) || 50)
          }
          throw new Error(`${method} ${path} still refused after 50 attempts`)
        }
        const allBodies = async (path: string): Promise<string[]> => {
          const bodies: string[] = []
          let next: string | null = `${path}?PageSize=2`
          while (next !== null) {
            const page = await send('GET', next)
            expect(page.status).toBe(200)
            bodies.push(...bodiesOf(page))
            next = page.json.meta.next_page_url
          }
          return bodies
        }

        expect((await send('GET', '/v1/Configuration')).status).toBe(403)
        const config = await send('GET', '/v1/Configuration', undefined, basicAuth(server.accountSid, server.authToken))
        expect(config.json.default_chat_service_sid).toBe(server.defaultServiceSid)

        const conv = (await send('POST', '/v1/Conversations')).json.sid
        expect((await send('POST', `/v1/Conversations/${conv}/Participants`, { Identity: 'bob' })).status).toBe(201)
        const path = `/v1/Conversations/${conv}/Messages`
        const sids: string[] = []
        for (const body of ['one', 'two', 'x'.repeat(32768), 'four']) {
          const res = await send('POST', path, { Body: body, Author: 'bob' })
          expect(res.status).toBe(201)
          sids.push(res.json.sid)
        }
        expect((await send('GET', `${path}/${sids[0]}`)).json.body).toBe('one')
        await sleep(AFTER_LAG)
        expect(await allBodies(path)).toEqual(['one', 'two', 'x'.repeat(32768), 'four'])
        expect((await send('DELETE', `${path}/${sids[1]}`)).status).toBe(204)
        await sleep(AFTER_LAG)
        expect(await allBodies(path)).toEqual(['one', 'x'.repeat(32768), 'four'])
        expect((await send('GET', '/v1/Users')).json.users.map((u: any) => u.identity)).toEqual(['bob'])

        // Enough traffic to pass through both kinds of burst.
        for (let i = 0; i < 160; i++) expect((await send('GET', `${path}?PageSize=1`)).status).toBe(200)
        expect([...refusals].sort()).toEqual([429, 503]) // the retries were needed
      },
    ))
})
