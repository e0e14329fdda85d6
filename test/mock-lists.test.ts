// Reference server: the list routes of the setup resources (services, conversations, participants)
// and the User resource, which a conformance run uses to clean up and to count what it left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient, type RawResponse } from '../mock/testkit.ts'
import { DATE, expectTwilioError } from './support/twilio-error.ts'

let server: ReferenceServer
let api: TestClient

beforeAll(async () => {
  server = await startReferenceServer()
  api = new TestClient(server)
})
afterAll(() => server.close())

const sidsOf = (pages: RawResponse[], key: string): string[] => pages.flatMap((p) => p.json[key].map((item: any) => item.sid))

/** A fresh server, so that lists hold exactly what the test made. */
async function withServer(test: (api: TestClient, server: ReferenceServer) => Promise<void>, opts: Parameters<typeof startReferenceServer>[0] = {}) {
  const own = await startReferenceServer(opts)
  try {
    await test(new TestClient(own), own)
  } finally {
    await own.close()
  }
}

describe('GET /v1/Services', () => {
  it('lists the default service first, then the others in creation order, in Twilio page format', () =>
    withServer(async (api, own) => {
      const a = await api.service('a')
      const b = await api.service('b')
      const res = await api.get('/v1/Services')
      expect(res.status).toBe(200)
      expect(res.json.services.map((s: any) => s.sid)).toEqual([own.defaultServiceSid, a, b])
      expect(res.json.services[1]).toEqual((await api.get(`/v1/Services/${a}`)).json)
      expect(res.json.meta).toEqual({
        page: 0,
        page_size: 50,
        first_page_url: `${own.url}/v1/Services?PageSize=50&Page=0`,
        previous_page_url: null,
        url: `${own.url}/v1/Services?PageSize=50&Page=0`,
        next_page_url: null,
        key: 'services',
      })
      expect((await api.delete(`/v1/Services/${a}`)).status).toBe(204)
      expect((await api.get('/v1/Services')).json.services.map((s: any) => s.sid)).toEqual([own.defaultServiceSid, b])
    }))

  it('pages with PageSize and PageToken, and rejects a PageSize over 100', () =>
    withServer(async (api, own) => {
      const made = [own.defaultServiceSid]
      for (let i = 0; i < 4; i++) made.push(await api.service(`s${i}`))
      const pages = await api.allPages('/v1/Services?PageSize=2')
      expect(pages).toHaveLength(3)
      expect(sidsOf(pages, 'services')).toEqual(made)
      expect(pages[1]!.json.meta.next_page_url).toMatch(/\/v1\/Services\?PageSize=2&Page=2&PageToken=PT\d+$/)
      expect(pages[1]!.json.meta.previous_page_url).toMatch(/PageSize=2&Page=0&PageToken=PT\d+$/)
      expectTwilioError(await api.get('/v1/Services?PageSize=101'), 400, 20001)
      expectTwilioError(await api.get('/v1/Services?PageToken=nope'), 400, 20001)
      expect((await api.get('/v1/Services?PageSize=100')).json.services).toHaveLength(5)
    }))
})

describe('GET /v1/Conversations and /v1/Services/{IS}/Conversations', () => {
  it("lists the default service's conversations on the short route and each service's on its own", () =>
    withServer(async (api, own) => {
      const c1 = await api.conversation()
      const c2 = await api.conversation()
      const svc = await api.service()
      const s1 = await api.conversation(svc)
      const res = await api.get('/v1/Conversations')
      expect(res.status).toBe(200)
      expect(res.json.conversations.map((c: any) => c.sid)).toEqual([c1, c2])
      expect(res.json.conversations[0]).toEqual((await api.get(`/v1/Conversations/${c1}`)).json)
      expect(res.json.meta.key).toBe('conversations')
      expect(res.json.meta.url).toBe(`${own.url}/v1/Conversations?PageSize=50&Page=0`)
      const scoped = await api.get(`/v1/Services/${svc}/Conversations`)
      expect(scoped.json.conversations.map((c: any) => c.sid)).toEqual([s1])
      expect(scoped.json.conversations[0].url).toBe(`${own.url}/v1/Services/${svc}/Conversations/${s1}`)
      expect(scoped.json.meta.first_page_url).toBe(`${own.url}/v1/Services/${svc}/Conversations?PageSize=50&Page=0`)
      expect((await api.get(`/v1/Services/${own.defaultServiceSid}/Conversations`)).json.conversations).toHaveLength(2)
      expect((await api.get(`/v1/Services/IS${'0'.repeat(32)}/Conversations`)).status).toBe(404)
    }))

  it('neither skips nor repeats a conversation when one is deleted between pages', () =>
    withServer(async (api) => {
      const made: string[] = []
      for (let i = 0; i < 5; i++) made.push(await api.conversation())
      const first = await api.get('/v1/Conversations?PageSize=2')
      await api.delete(`/v1/Conversations/${made[1]}`)
      await api.delete(`/v1/Conversations/${made[2]}`)
      const rest = await api.allPages(first.json.meta.next_page_url)
      expect([...sidsOf([first], 'conversations'), ...sidsOf(rest, 'conversations')]).toEqual([made[0], made[1], made[3], made[4]])
    }))

  it('filters by State, StartDate and EndDate, newest first when filtered by date, and keeps the filters in page URLs', () =>
    withServer(async (api) => {
      const made: string[] = []
      for (let i = 0; i < 3; i++) made.push(await api.conversation())
      const ids = async (query: string) => sidsOf(await api.allPages(`/v1/Conversations?${query}`), 'conversations')
      expect(await ids('State=active')).toEqual(made)
      expect(await ids('State=closed')).toEqual([])
      const today = (await api.get(`/v1/Conversations/${made[0]}`)).json.date_created.slice(0, 10) // the server's day, not ours
      expect(await ids(`StartDate=${today}&PageSize=2`)).toEqual([...made].reverse())
      expect(await ids('StartDate=2999-01-01')).toEqual([])
      expect(await ids('EndDate=2000-01-01T00:00:00Z')).toEqual([])
      const page = await api.get(`/v1/Conversations?StartDate=${today}&State=active&PageSize=1`)
      expect(page.json.meta.next_page_url).toMatch(new RegExp(`\\?StartDate=${today}&State=active&PageSize=1&Page=1&PageToken=PT\\d+$`))
      expectTwilioError(await api.get('/v1/Conversations?State=open'), 400, 20001)
      expectTwilioError(await api.get('/v1/Conversations?StartDate=yesterday'), 400, 20001)
    }))
})

describe('GET …/Participants', () => {
  it('lists a conversation’s participants in both scopes', async () => {
    const svc = await api.service()
    const conv = await api.conversation(svc)
    const base = `/v1/Services/${svc}/Conversations/${conv}/Participants`
    const alice = (await api.post(base, { Identity: 'alice' })).json
    const bob = (await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'bob' })).json
    const scoped = await api.get(base)
    expect(scoped.json.participants.map((p: any) => p.identity)).toEqual(['alice', 'bob'])
    expect(scoped.json.participants[0]).toEqual(alice)
    expect(scoped.json.meta).toMatchObject({ key: 'participants', url: `${server.url}${base}?PageSize=50&Page=0` })
    const short = await api.get(`/v1/Conversations/${conv}/Participants?PageSize=1`)
    expect(short.json.participants).toEqual([(await api.get(`/v1/Conversations/${conv}/Participants/${alice.sid}`)).json])
    expect(short.json.meta.next_page_url).not.toBeNull()
    await api.delete(`/v1/Conversations/${conv}/Participants/${bob.sid}`)
    expect((await api.get(base)).json.participants.map((p: any) => p.sid)).toEqual([alice.sid])
    expect((await api.get(`/v1/Conversations/CH${'0'.repeat(32)}/Participants`)).status).toBe(404)
  })
})

describe('Users', () => {
  it('creates a user with the documented shape, fetchable by SID or identity', async () => {
    const res = await api.post('/v1/Users', { Identity: 'carol@example.com', FriendlyName: 'Carol', Attributes: '{"a":1}' })
    expect(res.status).toBe(201)
    const sid = res.json.sid
    const url = `${server.url}/v1/Users/${sid}`
    expect(res.json).toEqual({
      sid: expect.stringMatching(/^US[0-9a-f]{32}$/),
      account_sid: server.accountSid,
      chat_service_sid: server.defaultServiceSid,
      role_sid: null,
      identity: 'carol@example.com',
      friendly_name: 'Carol',
      attributes: '{"a":1}',
      is_online: null,
      is_notifiable: null,
      date_created: expect.stringMatching(DATE),
      date_updated: expect.stringMatching(DATE),
      url,
      links: { user_conversations: `${url}/Conversations` },
    })
    expect((await api.get(`/v1/Users/${sid}`)).json).toEqual(res.json)
    expect((await api.get(`/v1/Users/${encodeURIComponent('carol@example.com')}`)).json).toEqual(res.json)
    const scoped = await api.get(`/v1/Services/${server.defaultServiceSid}/Users/${sid}`)
    expect(scoped.json.url).toBe(`${server.url}/v1/Services/${server.defaultServiceSid}/Users/${sid}`)
  })

  it('defaults friendly_name to null and attributes to "{}", and validates what it is given', async () => {
    const res = await api.post('/v1/Users', { Identity: 'dave' })
    expect(res.json).toMatchObject({ friendly_name: null, attributes: '{}', role_sid: null })
    expectTwilioError(await api.post('/v1/Users', {}), 400, 20001)
    expectTwilioError(await api.post('/v1/Users', { Identity: '' }), 400, 20001)
    expectTwilioError(await api.post('/v1/Users', { Identity: 'dave' }), 409, 50201)
    expectTwilioError(await api.post('/v1/Users', { Identity: 'erin', Attributes: '{nope' }), 400, 20001)
    expectTwilioError(await api.post('/v1/Users', { Identity: 'erin', RoleSid: 'RL1' }), 400, 20001)
    expect((await api.get('/v1/Users/erin')).status).toBe(404) // nothing refused was stored
  })

  it('updates FriendlyName, Attributes and RoleSid, all or nothing', async () => {
    const sid = (await api.post('/v1/Users', { Identity: 'frank' })).json.sid
    const role = 'RL' + 'a'.repeat(32)
    const res = await api.post('/v1/Users/frank', { FriendlyName: 'Frank', Attributes: '{"x":true}', RoleSid: role })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ sid, friendly_name: 'Frank', attributes: '{"x":true}', role_sid: role })
    expectTwilioError(await api.post(`/v1/Users/${sid}`, { FriendlyName: 'F', Attributes: '{' }), 400, 20001)
    expect((await api.get(`/v1/Users/${sid}`)).json.friendly_name).toBe('Frank')
  })

  it('lists and deletes users, by SID or identity, per service', async () => {
    const svc = await api.service()
    const base = `/v1/Services/${svc}/Users`
    const gina = (await api.post(base, { Identity: 'gina' })).json
    const hank = (await api.post(base, { Identity: 'hank' })).json
    expect(gina.chat_service_sid).toBe(svc)
    const pages = await api.allPages(`${base}?PageSize=1`)
    expect(sidsOf(pages, 'users')).toEqual([gina.sid, hank.sid])
    expect(pages[0]!.json.meta).toMatchObject({ key: 'users', url: `${server.url}${base}?PageSize=1&Page=0` })
    // Another service's users are not reachable here, nor through the default service's routes.
    expect((await api.get(`/v1/Users/${gina.sid}`)).status).toBe(404)
    expect((await api.get('/v1/Users')).json.users.map((u: any) => u.identity)).not.toContain('gina')
    expect((await api.delete(`${base}/gina`)).status).toBe(204)
    expect((await api.get(`${base}/${gina.sid}`)).status).toBe(404)
    expect((await api.delete(`${base}/${hank.sid}`)).status).toBe(204)
    expect((await api.get(base)).json.users).toEqual([])
    expect((await api.delete(`${base}/${hank.sid}`)).status).toBe(404)
  })

  it('go with their service when it is deleted, as its conversations do', async () => {
    const svc = await api.service()
    const conv = await api.conversation(svc)
    const user = (await api.post(`/v1/Services/${svc}/Users`, { Identity: 'ivan' })).json
    expect((await api.delete(`/v1/Services/${svc}`)).status).toBe(204)
    expect((await api.get(`/v1/Services/${svc}/Users/${user.sid}`)).status).toBe(404)
    expect((await api.get(`/v1/Conversations/${conv}`)).status).toBe(404)
    expect((await api.get('/v1/Services')).json.services.map((s: any) => s.sid)).not.toContain(svc)
    expect((await api.delete(`/v1/Services/${server.defaultServiceSid}`)).status).toBe(400) // still refused
  })

  it('are not created for participants without the auto-users condition', () =>
    withServer(async (api) => {
      const conv = await api.conversation()
      await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'judy' })
      expect((await api.get('/v1/Users')).json.users).toEqual([])
    }))
})
