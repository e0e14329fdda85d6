// Reference server: the Message operations (create, fetch, update, delete) in both scopes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'
import { DATE } from './support/twilio-error.ts'

let server: ReferenceServer
let api: TestClient
let conv: string
let messages: string

beforeAll(async () => {
  server = await startReferenceServer()
  api = new TestClient(server)
})
afterAll(() => server.close())
beforeEach(async () => {
  conv = await api.conversation()
  messages = `/v1/Conversations/${conv}/Messages`
})

const ME = 'ME' + 'a'.repeat(32)
const HX = 'HX' + 'b'.repeat(32)

function expectError(res: { status: number; json: any }, status: number, code: number, messagePart?: string) {
  expect(res.status).toBe(status)
  expect(res.json).toEqual({ code, message: expect.any(String), more_info: `https://www.twilio.com/docs/errors/${code}`, status })
  if (messagePart !== undefined) expect(res.json.message).toContain(messagePart)
}

describe('create', () => {
  it('answers 201 with the documented defaults and property order', async () => {
    const res = await api.post(messages, { Body: 'Hello' })
    expect(res.status).toBe(201)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    const m = res.json
    expect(Object.keys(m)).toEqual([
      'sid', 'account_sid', 'conversation_sid', 'body', 'media', 'author', 'participant_sid', 'attributes',
      'date_created', 'date_updated', 'index', 'delivery', 'content_sid', 'url', 'links',
    ])
    const url = `${server.url}${messages}/${m.sid}`
    expect(m).toEqual({
      sid: expect.stringMatching(/^IM[0-9a-f]{32}$/),
      account_sid: server.accountSid,
      conversation_sid: conv,
      body: 'Hello',
      media: null,
      author: 'system',
      participant_sid: null,
      attributes: '{}',
      date_created: expect.stringMatching(DATE),
      date_updated: m.date_created,
      index: 0,
      delivery: null,
      content_sid: null,
      url,
      links: { delivery_receipts: `${url}/Receipts`, channel_metadata: `${url}/ChannelMetadata` },
    })
    expect(Math.abs(Date.parse(m.date_created) - Date.now())).toBeLessThan(5000)
  })

  it('stores the given fields, normalising dates to whole-second UTC', async () => {
    const res = await api.post(messages, {
      Body: 'Hello',
      Author: 'message author',
      Attributes: '{ "importance": "high" }',
      DateCreated: '2015-12-16T23:18:37.250+01:00',
      DateUpdated: '2015-12-16T22:18:38Z',
      Subject: 'not echoed',
    })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      author: 'message author',
      attributes: '{ "importance": "high" }',
      date_created: '2015-12-16T22:18:37Z',
      date_updated: '2015-12-16T22:18:38Z',
    })
    expect(res.json).not.toHaveProperty('subject') // the doc's schema has no subject property
    // DateUpdated defaults to the given DateCreated: an unedited message has both equal.
    const only = await api.post(messages, { Body: 'x', DateCreated: '2020-07-01T22:18:37Z' })
    expect(only.json.date_updated).toBe('2020-07-01T22:18:37Z')
  })

  it('attaches media from MediaSid', async () => {
    const res = await api.post(messages, { MediaSid: ME })
    expect(res.status).toBe(201)
    expect(res.json.body).toBeNull()
    expect(res.json.media).toEqual([{ sid: ME, content_type: 'application/octet-stream', filename: null, size: 0 }])
  })

  it('ignores Body and MediaSid when ContentSid is set, even invalid ones', async () => {
    const res = await api.post(messages, { Body: 'ignored', MediaSid: ME, ContentSid: HX, ContentVariables: '{"name":"John"}' })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ body: null, media: null, content_sid: HX })
    const invalid = await api.post(messages, { Body: 'a'.repeat(1601), MediaSid: 'nope', ContentSid: HX })
    expect(invalid.status).toBe(201)
    expect(invalid.json).toMatchObject({ body: null, media: null, content_sid: HX })
  })

  it('sets participant_sid when the author is a participant of the conversation', async () => {
    const p = await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'alice' })
    expect((await api.post(messages, { Body: 'x', Author: 'alice' })).json.participant_sid).toBe(p.json.sid)
    expect((await api.post(messages, { Body: 'x', Author: 'bob' })).json.participant_sid).toBeNull()
    const other = await api.conversation()
    expect((await api.post(`/v1/Conversations/${other}/Messages`, { Body: 'x', Author: 'alice' })).json.participant_sid).toBeNull()
  })

  it('counts Body length in code points: 1,600 emoji pass, 1,601 characters fail', async () => {
    expect((await api.post(messages, { Body: '😀'.repeat(1600) })).status).toBe(201)
    expect((await api.post(messages, { Body: 'a'.repeat(1600) })).status).toBe(201)
    expectError(await api.post(messages, { Body: 'a'.repeat(1601) }), 400, 20001, 'Body must be at most 1600 characters')
  })

  it.each([
    ['Attributes not JSON', { Body: 'x', Attributes: '{nope' }, 'Attributes'],
    ['Attributes empty', { Body: 'x', Attributes: '' }, 'Attributes'],
    ['ContentVariables not JSON', { ContentSid: HX, ContentVariables: 'nope' }, 'ContentVariables'],
    ['Subject of 257 characters', { Body: 'x', Subject: 's'.repeat(257) }, 'Subject'],
    ['MediaSid malformed', { MediaSid: 'ME123' }, 'MediaSid'],
    ['MediaSid with the wrong prefix', { MediaSid: 'MX' + 'a'.repeat(32) }, 'MediaSid'],
    ['ContentSid malformed', { ContentSid: 'HX' + 'g'.repeat(32) }, 'ContentSid'],
    ['DateCreated without a zone', { Body: 'x', DateCreated: '2015-12-16T22:18:37' }, 'DateCreated'],
    ['DateCreated impossible', { Body: 'x', DateCreated: '2015-02-30T22:18:37Z' }, 'DateCreated'],
    ['DateUpdated not a date', { Body: 'x', DateUpdated: 'yesterday' }, 'DateUpdated'],
    ['nothing to send', { Author: 'a' }, 'Body, MediaSid or ContentSid is required'],
    ['an empty Body only', { Body: '' }, 'Body, MediaSid or ContentSid is required'],
  ])('rejects %s with 400 20001 and creates nothing', async (_name, form, part) => {
    expectError(await api.post(messages, form), 400, 20001, part)
    expect((await api.get(messages)).json.messages).toEqual([])
  })

  it('accepts a Subject of 256 characters', async () => {
    expect((await api.post(messages, { Body: 'x', Subject: 's'.repeat(256) })).status).toBe(201)
  })

  it('accepts X-Twilio-Webhook-Enabled true/false in any case and rejects other values', async () => {
    for (const v of ['true', 'false', 'TRUE', 'False']) {
      expect((await api.post(messages, { Body: 'x' }, { headers: { 'x-twilio-webhook-enabled': v } })).status).toBe(201)
    }
    expectError(await api.post(messages, { Body: 'x' }, { headers: { 'x-twilio-webhook-enabled': 'yes' } }), 400, 20001, 'X-Twilio-Webhook-Enabled')
  })

  it('allocates strictly increasing indices under 50 concurrent creates', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => api.post(messages, { Body: `m${i}` })))
    expect(results.every((r) => r.status === 201)).toBe(true)
    const indices = results.map((r) => r.json.index as number)
    expect(new Set(indices).size).toBe(50)
    expect([...indices].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    const listed = (await api.get(`${messages}?PageSize=100`)).json.messages.map((m: any) => m.index)
    expect(listed).toEqual([...listed].sort((a: number, b: number) => a - b))
  })

  it('never reuses an index after a delete', async () => {
    const a = await api.post(messages, { Body: 'a' })
    const b = await api.post(messages, { Body: 'b' })
    await api.delete(`${messages}/${b.json.sid}`)
    const c = await api.post(messages, { Body: 'c' })
    expect([a.json.index, b.json.index, c.json.index]).toEqual([0, 1, 2])
  })
})

describe('fetch', () => {
  it('returns the same representation as create', async () => {
    const created = await api.post(messages, { Body: 'x' })
    const fetched = await api.get(`${messages}/${created.json.sid}`)
    expect(fetched.status).toBe(200)
    expect(fetched.json).toEqual(created.json)
  })

  it.each([
    ['malformed SID', 'IMnope'],
    ['well-formed unknown SID', 'IM' + '0'.repeat(32)],
    ['SID with the wrong prefix', 'MB' + '0'.repeat(32)],
  ])('answers 404 for a %s', async (_name, sid) => {
    const res = await api.get(`${messages}/${sid}`)
    expectError(res, 404, 20404)
    expect(res.json.message).toBe(`The requested resource /Conversations/${conv}/Messages/${sid} was not found`)
  })

  it("answers 404 for another conversation's message on every operation", async () => {
    const other = await api.conversation()
    const theirs = await api.post(`/v1/Conversations/${other}/Messages`, { Body: 'theirs' })
    const path = `${messages}/${theirs.json.sid}`
    expectError(await api.get(path), 404, 20404)
    expectError(await api.post(path, { Body: 'hijack' }), 404, 20404)
    expectError(await api.delete(path), 404, 20404)
    expect((await api.get(`/v1/Conversations/${other}/Messages/${theirs.json.sid}`)).json.body).toBe('theirs')
  })

  it('answers 404 for an unknown conversation', async () => {
    expectError(await api.get(`/v1/Conversations/CH${'0'.repeat(32)}/Messages`), 404, 20404)
    expectError(await api.post(`/v1/Conversations/CH${'0'.repeat(32)}/Messages`, { Body: 'x' }), 404, 20404)
  })
})

describe('update', () => {
  it('changes only the given fields and moves date_updated', async () => {
    const created = await api.post(messages, { Body: 'before', Attributes: '{"a":1}', DateCreated: '2015-12-16T22:18:37Z' })
    const res = await api.post(`${messages}/${created.json.sid}`, { Body: 'after' })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ ...created.json, body: 'after', date_updated: expect.stringMatching(DATE) })
    expect(res.json.date_updated).not.toBe(created.json.date_updated)
    expect((await api.get(`${messages}/${created.json.sid}`)).json).toEqual(res.json)
  })

  it('applies DateCreated/DateUpdated and recomputes participant_sid on an Author change', async () => {
    const p = await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'carol' })
    const created = await api.post(messages, { Body: 'x' })
    const res = await api.post(`${messages}/${created.json.sid}`, {
      Author: 'carol', DateCreated: '2001-01-01T00:00:00Z', DateUpdated: '2002-02-02T02:02:02Z', Attributes: '[1]',
    })
    expect(res.json).toMatchObject({
      author: 'carol', participant_sid: p.json.sid, date_created: '2001-01-01T00:00:00Z', date_updated: '2002-02-02T02:02:02Z',
      attributes: '[1]', index: created.json.index, sid: created.json.sid,
    })
    const back = await api.post(`${messages}/${created.json.sid}`, { Author: 'system' })
    expect(back.json.participant_sid).toBeNull()
  })

  it('ignores create-only parameters', async () => {
    const created = await api.post(messages, { Body: 'x' })
    const res = await api.post(`${messages}/${created.json.sid}`, { MediaSid: ME, ContentSid: HX })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ body: 'x', media: null, content_sid: null })
  })

  it.each([
    ['Body of 1,601 characters', { Body: 'a'.repeat(1601) }],
    ['Attributes not JSON', { Body: 'new', Attributes: 'nope' }],
    ['Subject of 257 characters', { Body: 'new', Subject: 's'.repeat(257) }],
    ['bad DateUpdated', { Body: 'new', DateUpdated: '2015-13-01T00:00:00Z' }],
  ])('rejects %s and changes nothing', async (_name, form) => {
    const created = await api.post(messages, { Body: 'old' })
    expectError(await api.post(`${messages}/${created.json.sid}`, form), 400, 20001)
    expect((await api.get(`${messages}/${created.json.sid}`)).json).toEqual(created.json)
  })

  it('rejects a bad X-Twilio-Webhook-Enabled and changes nothing', async () => {
    const created = await api.post(messages, { Body: 'old' })
    expectError(await api.post(`${messages}/${created.json.sid}`, { Body: 'new' }, { headers: { 'x-twilio-webhook-enabled': '1' } }), 400, 20001)
    expect((await api.get(`${messages}/${created.json.sid}`)).json.body).toBe('old')
  })
})

describe('delete', () => {
  it('answers 204 with no body and no Content-Type, then the message is gone', async () => {
    const created = await api.post(messages, { Body: 'x' })
    const res = await api.delete(`${messages}/${created.json.sid}`, { headers: { 'x-twilio-webhook-enabled': 'false' } })
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect(res.headers['content-type']).toBeUndefined()
    const after = await api.get(`${messages}/${created.json.sid}`)
    expectError(after, 404, 20404)
    expect(after.json.message).toBe(`The requested resource /Conversations/${conv}/Messages/${created.json.sid} was not found`)
    expectError(await api.delete(`${messages}/${created.json.sid}`), 404, 20404)
    expect((await api.get(messages)).json.messages).toEqual([])
  })

  it('rejects a bad X-Twilio-Webhook-Enabled and keeps the message', async () => {
    const created = await api.post(messages, { Body: 'x' })
    expectError(await api.delete(`${messages}/${created.json.sid}`, { headers: { 'x-twilio-webhook-enabled': 'maybe' } }), 400, 20001)
    expect((await api.get(`${messages}/${created.json.sid}`)).status).toBe(200)
  })
})

describe('service scope', () => {
  it('serves all five operations with chat_service_sid and service URLs', async () => {
    const svc = await api.service()
    const sconv = await api.conversation(svc)
    const base = `/v1/Services/${svc}/Conversations/${sconv}/Messages`
    const created = await api.post(base, { Body: 'scoped' })
    expect(created.status).toBe(201)
    const url = `${server.url}${base}/${created.json.sid}`
    expect(Object.keys(created.json).slice(0, 4)).toEqual(['sid', 'account_sid', 'chat_service_sid', 'conversation_sid'])
    expect(created.json).toMatchObject({
      chat_service_sid: svc,
      conversation_sid: sconv,
      url,
      links: { delivery_receipts: `${url}/Receipts`, channel_metadata: `${url}/ChannelMetadata` },
    })
    expect((await api.get(`${base}/${created.json.sid}`)).json).toEqual(created.json)
    const list = await api.get(base)
    expect(list.json.meta.url).toBe(`${server.url}${base}?PageSize=50&Page=0`)
    expect(list.json.messages).toEqual([created.json])
    const updated = await api.post(`${base}/${created.json.sid}`, { Body: 'edited' })
    expect(updated.status).toBe(200)
    expect(updated.json.body).toBe('edited')
    expect((await api.delete(`${base}/${created.json.sid}`)).status).toBe(204)
    expect((await api.get(`${base}/${created.json.sid}`)).status).toBe(404)
  })

  it('reaches the same message through the default scope, without chat_service_sid', async () => {
    const svc = await api.service()
    const sconv = await api.conversation(svc)
    const created = await api.post(`/v1/Services/${svc}/Conversations/${sconv}/Messages`, { Body: 'x' })
    const viaDefault = await api.get(`/v1/Conversations/${sconv}/Messages/${created.json.sid}`)
    expect(viaDefault.status).toBe(200)
    expect(viaDefault.json).not.toHaveProperty('chat_service_sid')
    expect(viaDefault.json.url).toBe(`${server.url}/v1/Conversations/${sconv}/Messages/${created.json.sid}`)
  })

  it('answers 404 for a conversation of another service, and for an unknown service', async () => {
    const svc = await api.service()
    const res = await api.get(`/v1/Services/${svc}/Conversations/${conv}/Messages`)
    expectError(res, 404, 20404)
    expect(res.json.message).toBe(`The requested resource /Services/${svc}/Conversations/${conv}/Messages was not found`)
    expectError(await api.post(`/v1/Services/${svc}/Conversations/${conv}/Messages`, { Body: 'x' }), 404, 20404)
    expectError(await api.get(`/v1/Services/IS${'0'.repeat(32)}/Conversations/${conv}/Messages`), 404, 20404)
  })
})
