import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'

// The resources a message can refer to (mock/routes-media.ts), and what a message's links.delivery_receipts points at
// (mock/routes-receipts.ts), on the reference server's own origin.
let server: ReferenceServer
let without: ReferenceServer
let api: TestClient
beforeAll(async () => {
  ;[server, without] = await Promise.all([startReferenceServer(), startReferenceServer({ mediaApi: false })])
  api = new TestClient(server)
})
afterAll(async () => {
  await Promise.all([server.close(), without.close()])
})

const upload = (client: TestClient, serviceSid: string, headers: Record<string, string> = { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="car.png"' }) =>
  client.send('POST', `/v1/Services/${serviceSid}/Media`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { headers })

const template = (client: TestClient, body: unknown) => client.send('POST', '/v1/Content', JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
const TEMPLATE = { friendly_name: 'greeting', language: 'en', variables: { 1: 'name' }, types: { 'twilio/text': { body: 'Hi {{1}}' } } }

describe('media (the Media Content Service shape)', () => {
  test('an upload answers 201 with the media: its type, byte count and filename; a message by MediaSid lists exactly those', async () => {
    const up = await upload(api, server.defaultServiceSid)
    expect(up.status).toBe(201)
    expect(up.json).toMatchObject({ sid: expect.stringMatching(/^ME[0-9a-f]{32}$/), service_sid: server.defaultServiceSid, content_type: 'image/png', size: 7, filename: 'car.png' })
    const conversation = await api.conversation()
    const message = await api.post(`/v1/Conversations/${conversation}/Messages`, { MediaSid: up.json.sid })
    expect(message.status).toBe(201)
    expect(message.json.body).toBeNull()
    expect(message.json.media).toEqual([{ sid: up.json.sid, size: 7, content_type: 'image/png', filename: 'car.png' }])
    expect((await api.get(`/v1/Services/${server.defaultServiceSid}/Media/${up.json.sid}`)).status).toBe(200)
    expect((await api.delete(`/v1/Services/${server.defaultServiceSid}/Media/${up.json.sid}`)).status).toBe(204)
    expect((await api.get(`/v1/Services/${server.defaultServiceSid}/Media/${up.json.sid}`)).status).toBe(404)
  })

  test('an upload needs a file: a form, no Content-Type or an empty body is refused with 400; an unknown service is 404', async () => {
    expect((await api.send('POST', `/v1/Services/${server.defaultServiceSid}/Media`, 'a=b')).status).toBe(400)
    expect((await api.send('POST', `/v1/Services/${server.defaultServiceSid}/Media`, Buffer.alloc(0), { headers: { 'Content-Type': 'text/plain' } })).status).toBe(400)
    expect((await upload(api, `IS${'0'.repeat(32)}`)).status).toBe(404)
    // Without a Content-Disposition the media has no name: filename null.
    expect((await upload(api, server.defaultServiceSid, { 'Content-Type': 'text/plain' })).json.filename).toBeNull()
  })
})

describe('Content templates (the Content API shape)', () => {
  test('a template made from JSON answers 201 with an HX SID, can be fetched and deleted; a message names it by ContentSid', async () => {
    const made = await template(api, TEMPLATE)
    expect(made.status).toBe(201)
    expect(made.json).toMatchObject({ sid: expect.stringMatching(/^HX[0-9a-f]{32}$/), friendly_name: 'greeting', language: 'en', variables: { 1: 'name' } })
    const conversation = await api.conversation()
    const message = await api.post(`/v1/Conversations/${conversation}/Messages`, { ContentSid: made.json.sid, ContentVariables: '{"1":"Ana"}', Body: 'ignored' })
    expect(message.json).toMatchObject({ content_sid: made.json.sid, body: null })
    expect((await api.delete(`/v1/Content/${made.json.sid}`)).status).toBe(204)
    expect((await api.get(`/v1/Content/${made.json.sid}`)).status).toBe(404)
  })

  test('a body without language or types, or not JSON, is refused with 400', async () => {
    expect((await template(api, { ...TEMPLATE, language: undefined })).status).toBe(400)
    expect((await template(api, { ...TEMPLATE, types: {} })).status).toBe(400)
    expect((await api.send('POST', '/v1/Content', '{', { headers: { 'Content-Type': 'application/json' } })).status).toBe(400)
  })
})

describe('delivery receipts', () => {
  test("links.delivery_receipts answers a page keyed delivery_receipts (empty: chat has none), in both scopes; an unknown message's is 404", async () => {
    const conversation = await api.conversation()
    const message = await api.post(`/v1/Services/${server.defaultServiceSid}/Conversations/${conversation}/Messages`, { Body: 'hi' })
    const receipts = await api.get(message.json.links.delivery_receipts)
    expect(receipts.status).toBe(200)
    expect(receipts.json.delivery_receipts).toEqual([])
    expect(receipts.json.meta).toMatchObject({ key: 'delivery_receipts', page: 0, page_size: 50 })
    expect((await api.get(`/v1/Conversations/${conversation}/Messages/${message.json.sid}/Receipts`)).status).toBe(200)
    expect((await api.get(`/v1/Conversations/${conversation}/Messages/IM${'0'.repeat(32)}/Receipts`)).status).toBe(404)
  })
})

describe('a server started without the media API (mediaApi: false, mock --no-media-api)', () => {
  test('answers 404 on the routes that make media and templates, as a target without them does', async () => {
    const client = new TestClient(without)
    expect((await upload(client, without.defaultServiceSid)).status).toBe(404)
    expect((await template(client, TEMPLATE)).status).toBe(404)
  })
})
