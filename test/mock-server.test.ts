// Reference server: auth, the error envelope, routing, setup resources and server options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'undici'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient, basicAuth } from '../mock/testkit.ts'
import { DATE, expectTwilioError } from './support/twilio-error.ts'

let server: ReferenceServer
let api: TestClient

beforeAll(async () => {
  server = await startReferenceServer()
  api = new TestClient(server)
})
afterAll(() => server.close())

describe('startReferenceServer', () => {
  it('generates credentials of the documented shape and a URL without /v1', () => {
    expect(server.accountSid).toMatch(/^AC[0-9a-f]{32}$/)
    expect(server.authToken).toMatch(/^[0-9a-f]{32}$/)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('uses given credentials', async () => {
    const other = await startReferenceServer({ accountSid: 'AC' + 'b'.repeat(32), authToken: 'secret' })
    try {
      const res = await new TestClient(other).get('/v1/Configuration')
      expect(res.status).toBe(200)
      expect(res.json.account_sid).toBe('AC' + 'b'.repeat(32))
    } finally {
      await other.close()
    }
  })

  it('returns an API key, its secret and the default service SID', async () => {
    expect(server.apiKey).toMatch(/^SK[0-9a-f]{32}$/)
    expect(server.apiSecret).toMatch(/^[0-9a-f]{32}$/)
    expect(server.defaultServiceSid).toBe((await api.get('/v1/Configuration')).json.default_chat_service_sid)
  })

  it('uses a given API key and secret, accepted only under a key condition', async () => {
    const key = 'SK' + 'd'.repeat(32)
    const plain = await startReferenceServer({ apiKey: key, apiSecret: 'shh' })
    const keyed = await startReferenceServer({ apiKey: key, apiSecret: 'shh', conditions: ['api-keys'] })
    try {
      expect([plain.apiKey, plain.apiSecret]).toEqual([key, 'shh'])
      expect((await new TestClient(plain).get('/v1/Configuration', { auth: basicAuth(key, 'shh') })).status).toBe(401)
      expect((await new TestClient(keyed).get('/v1/Configuration', { auth: basicAuth(key, 'shh') })).status).toBe(200)
    } finally {
      await Promise.all([plain.close(), keyed.close()])
    }
  })

  it('rejects unusable credentials and seeds', async () => {
    await expect(startReferenceServer({ apiKey: 'SK:x' })).rejects.toThrow(/apiKey/)
    await expect(startReferenceServer({ apiSecret: '' })).rejects.toThrow(/apiSecret/)
    await expect(startReferenceServer({ seed: 1.5 })).rejects.toThrow(/seed/)
  })

  it('rejects an unknown fault or variant with the valid names', async () => {
    await expect(startReferenceServer({ faults: ['nope'] })).rejects.toThrow(/Unknown fault "nope".*create-200/)
    await expect(startReferenceServer({ variants: ['nope'] })).rejects.toThrow(/Unknown variant "nope"/)
  })

  it('close() frees the port for the next server', async () => {
    const first = await startReferenceServer()
    const port = Number(new URL(first.url).port)
    await first.close()
    const second = await startReferenceServer({ port })
    try {
      expect((await new TestClient(second).get('/v1/Configuration')).status).toBe(200)
    } finally {
      await second.close()
    }
  })

  it('close() does not wait for answers held back by latency', async () => {
    const slow = await startReferenceServer({ conditions: ['latency=5000'] })
    const pending = new TestClient(slow).get('/v1/Configuration').catch((err: unknown) => err)
    await new Promise((resolve) => setTimeout(resolve, 50)) // the request is now waiting out its latency
    const started = Date.now()
    await slow.close()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await pending).toBeInstanceOf(Error) // the connection was closed without an answer
  })

  it('two servers in one process share no state', async () => {
    const [a, b] = await Promise.all([
      startReferenceServer({ seed: 5, conditions: ['auto-users'] }),
      startReferenceServer({ seed: 5, conditions: ['auto-users'] }),
    ])
    try {
      const [apiA, apiB] = [new TestClient(a), new TestClient(b)]
      expect(a.accountSid).not.toBe(b.accountSid)
      expect(a.defaultServiceSid).not.toBe(b.defaultServiceSid)
      expect((await apiB.get('/v1/Conversations', { auth: basicAuth(a.accountSid, a.authToken) })).status).toBe(401)
      const conv = await apiA.conversation()
      const message = (await apiA.post(`/v1/Conversations/${conv}/Messages`, { Body: 'x' })).json
      await apiA.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'alice' })
      await apiA.service('only in a')
      expect((await apiB.get('/v1/Conversations')).json.conversations).toEqual([])
      expect((await apiB.get('/v1/Users')).json.users).toEqual([])
      expect((await apiB.get('/v1/Services')).json.services).toHaveLength(1)
      expect((await apiB.get(`/v1/Conversations/${conv}/Messages/${message.sid}`)).status).toBe(404)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('two servers in one process count requests separately', async () => {
    const [a, b] = await Promise.all([startReferenceServer({ conditions: ['rate-limit-burst=200'] }), startReferenceServer({ conditions: ['rate-limit-burst=200'] })])
    try {
      // Interleaved, each server's burst still starts at its own 150th request (a shared counter would reach 150 at the 75th pair).
      const statuses: Record<'a' | 'b', number[]> = { a: [], b: [] }
      for (let i = 0; i < 150; i++) {
        statuses.a.push((await new TestClient(a).get('/v1/Configuration')).status)
        statuses.b.push((await new TestClient(b).get('/v1/Configuration')).status)
      }
      for (const list of [statuses.a, statuses.b]) expect(list.indexOf(429)).toBe(149)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('close() ends idle keep-alive connections and stops listening', async () => {
    const other = await startReferenceServer()
    const c = new TestClient(other)
    expect((await c.get('/v1/Configuration')).status).toBe(200) // leaves a keep-alive socket open
    const started = Date.now()
    await other.close()
    expect(Date.now() - started).toBeLessThan(2000) // would wait for the 5 s keep-alive timeout otherwise
    await expect(request(other.url + '/v1/Configuration')).rejects.toThrow()
  })
})

describe('authentication', () => {
  const unauthorized = { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 }

  it.each([
    ['no header', false as const],
    ['wrong token', basicAuth('AC' + '0'.repeat(32), 'wrong')],
    ['right sid, wrong token', 'SET_BELOW'],
    ['not Basic', 'Bearer abc'],
    ['garbage', 'Basic !!!not-base64!!!'],
    ['no colon', `Basic ${Buffer.from('justauser').toString('base64')}`],
  ])('answers 401 with the Twilio body for %s', async (_name, auth) => {
    const header = auth === 'SET_BELOW' ? basicAuth(server.accountSid, 'x' + server.authToken) : auth
    const res = await api.get('/v1/Configuration', { auth: header })
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toBe('Basic realm="Twilio API"')
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.json).toEqual(unauthorized)
  })

  it('protects every route, including unknown ones', async () => {
    for (const path of ['/v1/Services', '/v1/Conversations/CHx/Messages', '/nope']) {
      expect((await api.get(path, { auth: false })).status).toBe(401)
    }
  })

  it('accepts the scheme name in any case', async () => {
    const header = basicAuth(server.accountSid, server.authToken).replace('Basic', 'bAsIc')
    expect((await api.get('/v1/Configuration', { auth: header })).status).toBe(200)
  })
})

describe('routing errors', () => {
  it('answers an unknown route with 404 20404 naming the path without /v1', async () => {
    const res = await api.get('/v1/Nope/things')
    expectTwilioError(res, 404, 20404)
    expect(res.json.message).toBe('The requested resource /Nope/things was not found')
  })

  it('answers a known path with the wrong method with 405 20004', async () => {
    const conv = await api.conversation()
    const res = await api.send('PUT', `/v1/Conversations/${conv}/Messages`, 'Body=x')
    expectTwilioError(res, 405, 20004)
    expect(res.json.message).toBe('Method not allowed')
    expect(res.headers['allow']).toBe('POST, GET')
  })

  it('answers a body over 1 MiB with a 413 Twilio error', async () => {
    const conv = await api.conversation()
    const res = await api.post(`/v1/Conversations/${conv}/Messages`, 'Body=' + 'a'.repeat(1024 * 1024 + 1))
    expectTwilioError(res, 413, 20413)
  })
})

describe('setup resources', () => {
  it('GET /v1/Configuration names the default chat service', async () => {
    const res = await api.get('/v1/Configuration')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      account_sid: server.accountSid,
      default_chat_service_sid: expect.stringMatching(/^IS[0-9a-f]{32}$/),
      default_messaging_service_sid: null,
      default_inactive_timer: null,
      default_closed_timer: null,
      url: `${server.url}/v1/Configuration`,
      links: {},
    })
    expect((await api.get(`/v1/Services/${res.json.default_chat_service_sid}`)).status).toBe(200)
  })

  it('creates, fetches and deletes a service', async () => {
    const created = await api.post('/v1/Services', { FriendlyName: 'svc' })
    expect(created.status).toBe(201)
    const sid = created.json.sid
    expect(sid).toMatch(/^IS[0-9a-f]{32}$/)
    expect(created.json).toMatchObject({
      account_sid: server.accountSid,
      friendly_name: 'svc',
      date_created: expect.stringMatching(DATE),
      url: `${server.url}/v1/Services/${sid}`,
      links: { conversations: `${server.url}/v1/Services/${sid}/Conversations` },
    })
    expect((await api.get(`/v1/Services/${sid}`)).json).toEqual(created.json)
    const conv = await api.conversation(sid)
    const deleted = await api.delete(`/v1/Services/${sid}`)
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    expectTwilioError(await api.get(`/v1/Services/${sid}`), 404, 20404)
    expectTwilioError(await api.get(`/v1/Conversations/${conv}`), 404, 20404) // its conversations went with it
  })

  it('requires FriendlyName for a service', async () => {
    const res = await api.post('/v1/Services', {})
    expectTwilioError(res, 400, 20001)
    expect(res.json.message).toContain('FriendlyName')
  })

  it('refuses to delete the default service', async () => {
    const { json } = await api.get('/v1/Configuration')
    expect((await api.delete(`/v1/Services/${json.default_chat_service_sid}`)).status).toBe(400)
    expect((await api.post('/v1/Conversations')).status).toBe(201)
  })

  it('creates a conversation in the default service with the documented shape', async () => {
    const { json: config } = await api.get('/v1/Configuration')
    const res = await api.post('/v1/Conversations', { FriendlyName: 'f', UniqueName: `u-${Date.now()}` })
    expect(res.status).toBe(201)
    const url = `${server.url}/v1/Conversations/${res.json.sid}`
    expect(Object.keys(res.json)).toEqual([
      'sid', 'account_sid', 'chat_service_sid', 'messaging_service_sid', 'friendly_name', 'unique_name', 'attributes',
      'state', 'date_created', 'date_updated', 'timers', 'url', 'links', 'bindings',
    ])
    expect(res.json).toMatchObject({
      sid: expect.stringMatching(/^CH[0-9a-f]{32}$/),
      chat_service_sid: config.default_chat_service_sid,
      messaging_service_sid: null,
      friendly_name: 'f',
      attributes: '{}',
      state: 'active',
      timers: {},
      url,
      links: { participants: `${url}/Participants`, messages: `${url}/Messages`, webhooks: `${url}/Webhooks` },
      bindings: null,
    })
    expect(res.json.date_updated).toBe(res.json.date_created)
  })

  it('finds a conversation by unique_name and rejects a duplicate one with 409', async () => {
    const unique = `room-${Date.now()}`
    const sid = await api.conversation(undefined, { UniqueName: unique })
    expect((await api.get(`/v1/Conversations/${unique}`)).json.sid).toBe(sid)
    expect((await api.post(`/v1/Conversations/${unique}/Messages`, { Body: 'hi' })).json.conversation_sid).toBe(sid)
    expect((await api.post('/v1/Conversations', { UniqueName: unique })).status).toBe(409)
  })

  it('rejects conversation Attributes that are not JSON', async () => {
    expectTwilioError(await api.post('/v1/Conversations', { Attributes: '{nope' }), 400, 20001)
  })

  it('scopes service conversations to their service', async () => {
    const svc = await api.service()
    const conv = await api.conversation(svc)
    const fetched = await api.get(`/v1/Services/${svc}/Conversations/${conv}`)
    expect(fetched.status).toBe(200)
    expect(fetched.json.chat_service_sid).toBe(svc)
    expect(fetched.json.url).toBe(`${server.url}/v1/Services/${svc}/Conversations/${conv}`)
    const defaultConv = await api.conversation()
    expectTwilioError(await api.get(`/v1/Services/${svc}/Conversations/${defaultConv}`), 404, 20404)
    expect((await api.delete(`/v1/Services/${svc}/Conversations/${conv}`)).status).toBe(204)
    expectTwilioError(await api.get(`/v1/Conversations/${conv}`), 404, 20404)
  })

  it('deletes a conversation with its messages', async () => {
    const conv = await api.conversation()
    const msg = await api.post(`/v1/Conversations/${conv}/Messages`, { Body: 'x' })
    const res = await api.delete(`/v1/Conversations/${conv}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expectTwilioError(await api.get(`/v1/Conversations/${conv}/Messages/${msg.json.sid}`), 404, 20404)
    const list = await api.get(`/v1/Conversations/${conv}/Messages`)
    expectTwilioError(list, 404, 20404)
    expect(list.json.message).toBe(`The requested resource /Conversations/${conv}/Messages was not found`)
  })

  it('adds a participant and rejects a duplicate identity with 409 50433', async () => {
    const conv = await api.conversation()
    const res = await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'alice' })
    expect(res.status).toBe(201)
    expect(res.json).toEqual({
      sid: expect.stringMatching(/^MB[0-9a-f]{32}$/),
      account_sid: server.accountSid,
      conversation_sid: conv,
      chat_service_sid: expect.stringMatching(/^IS/),
      identity: 'alice',
      attributes: '{}',
      messaging_binding: null,
      role_sid: null,
      date_created: expect.stringMatching(DATE),
      date_updated: expect.stringMatching(DATE),
      url: `${server.url}/v1/Conversations/${conv}/Participants/${res.json.sid}`,
      last_read_message_index: null,
      last_read_timestamp: null,
    })
    expectTwilioError(await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'alice' }), 409, 50433)
    expectTwilioError(await api.post(`/v1/Conversations/${conv}/Participants`, {}), 400, 20001)
    expect((await api.get(`/v1/Conversations/${conv}/Participants/${res.json.sid}`)).json.identity).toBe('alice')
    expect((await api.delete(`/v1/Conversations/${conv}/Participants/${res.json.sid}`)).status).toBe(204)
    expect((await api.get(`/v1/Conversations/${conv}/Participants/${res.json.sid}`)).status).toBe(404)
  })
})
