// Reference server: each fault breaks exactly the behaviour it names, and each variant selects the
// allowed behaviour it names. Every probe is also run against a correct server, where it must
// fail: that proves the probe detects the switch rather than passing anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULTS, type FaultName } from '../mock/faults.ts'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { basicAuth, TestClient } from '../mock/testkit.ts'
import { VARIANTS, type VariantName } from '../mock/variants.ts'

type Probe = (api: TestClient) => Promise<void>

async function messagesPath(api: TestClient): Promise<string> {
  return `/v1/Conversations/${await api.conversation()}/Messages`
}

// Hand-written probes for the first faults. Every fault, these and the rest, is also proven by the mutation run
// (test/mutation.test.ts): the conformance suite itself must turn red on it, which only happens if it bites.
const faultProbes: Partial<Record<FaultName, Probe>> = {
  'create-200': async (api) => {
    expect((await api.post(await messagesPath(api), { Body: 'x' })).status).toBe(200)
  },
  'delete-200-body': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    const res = await api.delete(`${p}/${m.sid}`)
    expect(res.status).toBe(200)
    expect(res.json.sid).toBe(m.sid)
  },
  'body-limit-ignored': async (api) => {
    const res = await api.post(await messagesPath(api), { Body: 'a'.repeat(1601) })
    expect(res.status).toBe(201)
    expect(res.json.body).toHaveLength(1601)
  },
  'attributes-null': async (api) => {
    expect((await api.post(await messagesPath(api), { Body: 'x' })).json.attributes).toBeNull()
  },
  'author-default-empty': async (api) => {
    expect((await api.post(await messagesPath(api), { Body: 'x' })).json.author).toBe('')
  },
  'order-desc-ignored': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b', 'c']) await api.post(p, { Body: b })
    const res = await api.get(`${p}?Order=desc`)
    expect(res.json.messages.map((m: any) => m.index)).toEqual([0, 1, 2])
  },
  'fetch-after-delete': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.delete(`${p}/${m.sid}`)).status).toBe(204)
    const res = await api.get(`${p}/${m.sid}`)
    expect(res.status).toBe(200)
    expect(res.json.sid).toBe(m.sid)
    expect((await api.get(p)).json.messages).toEqual([]) // gone from the list all the same
  },
  'auth-ignored': async (api) => {
    expect((await api.get('/v1/Configuration', { auth: false })).status).toBe(200)
    expect((await api.get('/v1/Configuration', { auth: 'Basic Zm9vOmJhcg==' })).status).toBe(200)
  },
  'update-noop': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'before', DateCreated: '2015-12-16T22:18:37Z' })).json
    const res = await api.post(`${p}/${m.sid}`, { Body: 'after' })
    expect(res.status).toBe(200)
    expect(res.json).toEqual(m)
    expect((await api.get(`${p}/${m.sid}`)).json.body).toBe('before')
  },
  'no-service-scope': async (api) => {
    const svc = await api.service()
    const conv = await api.conversation(svc)
    const p = `/v1/Services/${svc}/Conversations/${conv}/Messages`
    const res = await api.post(p, { Body: 'x' })
    expect(res.status).toBe(404)
    expect(res.json.code).toBe(20404)
    expect((await api.get(p)).status).toBe(404)
    expect((await api.post(`/v1/Conversations/${conv}/Messages`, { Body: 'x' })).status).toBe(201) // the short route still works
  },
  // Paging on later pages, list parameters, SIDs on update and delete, services, user names, 404 codes of writes.
  'previous-url-null-on-later-pages': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b', 'c']) await api.post(p, { Body: b })
    const next = new URL((await api.get(`${p}?PageSize=1`)).json.meta.next_page_url)
    const second = await api.get(next.pathname + next.search)
    expect(second.json.messages[0].body).toBe('b')
    expect(second.json.meta.previous_page_url).toBeNull()
  },
  'page-number-stuck': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b', 'c']) await api.post(p, { Body: b })
    const next = new URL((await api.get(`${p}?PageSize=1`)).json.meta.next_page_url)
    expect(next.searchParams.get('Page')).toBe('1')
    expect((await api.get(next.pathname + next.search)).json.meta.page).toBe(0)
  },
  'page-urls-foreign-origin': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b']) await api.post(p, { Body: b })
    const { meta } = (await api.get(`${p}?PageSize=1`)).json
    for (const url of [meta.url, meta.first_page_url, meta.next_page_url]) expect(new URL(url).origin).toBe('http://conversations.internal:8080')
    const m = (await api.post(p, { Body: 'x' })).json
    expect(new URL(m.url).origin).toBe(api.server.url) // only the page URLs
  },
  'order-invalid-descending': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b']) await api.post(p, { Body: b })
    expect((await api.get(`${p}?Order=sideways`)).json.messages.map((m: any) => m.body)).toEqual(['b', 'a'])
    expect((await api.get(`${p}?Order=AsC`)).json.messages.map((m: any) => m.body)).toEqual(['a', 'b'])
  },
  'page-size-parse-int': async (api) => {
    const p = await messagesPath(api)
    expect((await api.get(`${p}?PageSize=1.5`)).json.meta.page_size).toBe(1)
    expect((await api.get(`${p}?PageSize=abc`)).json.meta.page_size).toBe(50)
    expect((await api.get(`${p}?PageSize=-1`)).status).toBe(400)
  },
  'page-unvalidated': async (api) => {
    const p = await messagesPath(api)
    expect((await api.get(`${p}?Page=-1`)).json.meta.page).toBe(-1)
    expect((await api.get(`${p}?Page=abc`)).json.meta.page).toBeNull()
  },
  'page-size-limitless': async (api) => {
    expect((await api.get(`${await messagesPath(api)}?PageSize=1001`)).json.meta.page_size).toBe(1001)
  },
  'page-token-unchecked': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b']) await api.post(p, { Body: b })
    const res = await api.get(`${p}?PageSize=1&PageToken=nonsense`)
    expect(res.status).toBe(200)
    expect(res.json.messages[0].body).toBe('a')
  },
  'update-sid-case-insensitive': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'before' })).json
    expect((await api.post(`${p}/im${m.sid.slice(2)}`, { Body: 'after' })).status).toBe(200)
    expect((await api.get(`${p}/${m.sid}`)).json.body).toBe('after')
    expect((await api.get(`${p}/im${m.sid.slice(2)}`)).status).toBe(404) // fetch is still exact
  },
  'delete-sid-prefix-match': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.delete(`${p}/${m.sid.slice(0, 33)}`)).status).toBe(204)
    expect((await api.get(`${p}/${m.sid}`)).status).toBe(404)
  },
  'delete-unknown-204': async (api) => {
    const p = await messagesPath(api)
    expect((await api.delete(`${p}/IM${'0'.repeat(32)}`)).status).toBe(204)
    expect((await api.delete(`${p}/IM${'0'.repeat(31)}`)).status).toBe(404) // malformed: still 404
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.delete(`${p}/${m.sid}`)).status).toBe(204)
    expect((await api.delete(`${p}/${m.sid}`)).status).toBe(404) // a second delete: still 404
  },
  'unknown-service-is-default': async (api) => {
    const conv = await api.conversation()
    const res = await api.get(`/v1/Services/IS${'0'.repeat(32)}/Conversations/${conv}/Messages`)
    expect(res.status).toBe(200)
    expect((await api.get(`/v1/Services/IS${'0'.repeat(31)}/Conversations/${conv}/Messages`)).status).toBe(404)
  },
  'service-sid-case-insensitive': async (api) => {
    const svc = await api.service()
    const conv = await api.conversation(svc)
    expect((await api.get(`/v1/Services/is${svc.slice(2)}/Conversations/${conv}/Messages`)).status).toBe(200)
  },
  'auth-password-only': async (api) => {
    const other = basicAuth(`AC${'0'.repeat(32)}`, api.server.authToken)
    expect((await api.get('/v1/Configuration', { auth: other })).status).toBe(200)
    expect((await api.get('/v1/Configuration', { auth: basicAuth(api.server.accountSid, 'wrong') })).status).toBe(401)
  },
  'write-not-found-50500': async (api) => {
    const p = await messagesPath(api)
    const unknown = `${p}/IM${'0'.repeat(32)}`
    expect((await api.post(unknown, { Body: 'x' })).json.code).toBe(50500)
    expect((await api.delete(unknown)).json.code).toBe(50500)
    expect((await api.get(unknown)).json.code).toBe(20404)
  },
  // How clients encode a request, and field rules re-checked where they can break.
  'form-charset-ignored': async (api) => {
    const res = await api.post(await messagesPath(api), 'Body=hello', { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/required/)
  },
  'form-type-case-sensitive': async (api) => {
    const res = await api.post(await messagesPath(api), 'Body=hello', { headers: { 'content-type': 'Application/X-WWW-Form-Urlencoded' } })
    expect(res.status).toBe(400)
  },
  'form-plus-literal': async (api) => {
    const res = await api.post(await messagesPath(api), 'Body=a+b%20c')
    expect(res.json.body).toBe('a+b c')
  },
  'update-form-charset-ignored': async (api) => {
    const p = await messagesPath(api)
    const created = await api.post(p, 'Body=before', { headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } })
    expect(created.json.body).toBe('before') // create still reads it
    const res = await api.post(`${p}/${created.json.sid}`, 'Body=after', { headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } })
    expect(res.status).toBe(200)
    expect(res.json.body).toBe('before')
  },
  'content-variables-unvalidated': async (api) => {
    expect((await api.post(await messagesPath(api), { ContentSid: 'HX' + '1'.repeat(32), ContentVariables: "{'1': 'x'}" })).status).toBe(201)
  },
  'no-content-accepted': async (api) => {
    const res = await api.post(await messagesPath(api), { Author: 'nobody' })
    expect(res.status).toBe(201)
    expect(res.json.body).toBeNull()
  },
  'attributes-limit-1024': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', Attributes: JSON.stringify('a'.repeat(1022)) })).status).toBe(201)
    expect((await api.post(p, { Body: 'x', Attributes: JSON.stringify('a'.repeat(1023)) })).status).toBe(400)
  },
  'date-updated-unvalidated': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', DateUpdated: 'yesterday' })).status).toBe(201)
    expect((await api.post(p, { Body: 'x', DateCreated: 'yesterday' })).status).toBe(400)
  },
  'webhook-header-unvalidated': async (api) => {
    expect((await api.post(await messagesPath(api), { Body: 'x' }, { headers: { 'X-Twilio-Webhook-Enabled': 'yes' } })).status).toBe(201)
  },
  'webhook-header-name-case-sensitive': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x' }, { headers: { 'x-twilio-webhook-enabled': 'yes' } })).status).toBe(201)
    expect((await api.post(p, { Body: 'x' }, { headers: { 'X-Twilio-Webhook-Enabled': 'yes' } })).status).toBe(400)
  },
  'unknown-media-stored': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', MediaSid: 'ME' + '2'.repeat(32) })).status).toBe(400)
    expect((await api.get(p)).json.messages).toHaveLength(1)
  },
  'update-body-limit-off-by-one': async (api) => {
    const p = await messagesPath(api)
    const m = await api.post(p, { Body: 'x'.repeat(1600) })
    expect(m.status).toBe(201)
    expect((await api.post(`${p}/${m.json.sid}`, { Body: 'y'.repeat(1600) })).status).toBe(400)
  },
  'update-author-keeps-participant-sid': async (api) => {
    const conv = await api.conversation()
    const p = `/v1/Conversations/${conv}/Messages`
    const participant = (await api.post(`/v1/Conversations/${conv}/Participants`, { Identity: 'carol' })).json
    const m = (await api.post(p, { Body: 'x', Author: 'nobody' })).json
    expect((await api.post(`${p}/${m.sid}`, { Author: 'carol' })).json.participant_sid).toBeNull()
    expect(participant.sid).toMatch(/^MB/)
  },
  'update-applies-media-sid': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    const res = await api.post(`${p}/${m.sid}`, { MediaSid: 'ME' + '3'.repeat(32) })
    expect(res.json.media[0].sid).toBe('ME' + '3'.repeat(32))
  },
  'update-applies-content-sid': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.post(`${p}/${m.sid}`, { ContentSid: 'HX' + '4'.repeat(32) })).json.content_sid).toBe('HX' + '4'.repeat(32))
  },
  'update-keeps-date-updated': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x', DateCreated: '2019-03-04T05:06:07Z', DateUpdated: '2019-03-04T06:06:07Z' })).json
    expect((await api.post(`${p}/${m.sid}`, { Body: 'edited' })).json.date_updated).toBe('2019-03-04T06:06:07Z')
  },
  'page-zero-refused': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b', 'c']) await api.post(p, { Body: b })
    expect((await api.get(`${p}?PageSize=2&Page=0`)).status).toBe(400)
    const first = (await api.get(`${p}?PageSize=2`)).json
    expect(first.meta.first_page_url).not.toContain('Page=0')
    const back = new URL(first.meta.first_page_url)
    expect((await api.get(back.pathname + back.search)).json.messages.map((m: any) => m.body)).toEqual(['a', 'b'])
  },
  'create-unknown-conversation-stored': async (api) => {
    const res = await api.post(`/v1/Conversations/CH${'5'.repeat(32)}/Messages`, { Body: 'x' })
    expect(res.status).toBe(201)
    expect(res.json.conversation_sid).toBe(`CH${'5'.repeat(32)}`)
  },
  'writes-ignore-conversation': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    const nowhere = `/v1/Conversations/CH${'6'.repeat(32)}/Messages/${m.sid}`
    expect((await api.get(nowhere)).status).toBe(404) // reads still look the conversation up
    expect((await api.post(nowhere, { Body: 'edited' })).status).toBe(200)
    expect((await api.delete(nowhere)).status).toBe(204)
    expect((await api.get(`${p}/${m.sid}`)).status).toBe(404)
  },
  'media-without-body-refused': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { MediaSid: 'ME' + '7'.repeat(32) })).status).toBe(400)
    expect((await api.post(p, { Body: 'x', MediaSid: 'ME' + '7'.repeat(32) })).status).toBe(201)
  },
  'update-date-invalid-ignored': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', DateCreated: 'yesterday' })).status).toBe(400) // create still validates
    const m = (await api.post(p, { Body: 'x' })).json
    const res = await api.post(`${p}/${m.sid}`, { Body: 'edited', DateCreated: 'yesterday' })
    expect(res.status).toBe(200)
    expect(res.json.body).toBe('edited')
  },
  'empty-attributes-stored': async (api) => {
    const p = await messagesPath(api)
    const m = await api.post(p, { Body: 'x', Attributes: '' })
    expect(m.json.attributes).toBe('')
    expect((await api.post(`${p}/${m.json.sid}`, { Attributes: '' })).json.attributes).toBe('')
  },
  'empty-dates-epoch': async (api) => {
    const p = await messagesPath(api)
    const m = await api.post(p, { Body: 'x', DateCreated: '' })
    expect(m.json.date_created).toBe('1970-01-01T00:00:00Z')
    expect((await api.post(`${p}/${m.json.sid}`, { DateUpdated: '' })).json.date_updated).toBe('1970-01-01T00:00:00Z')
  },
  'update-webhook-header-unvalidated': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x' }, { headers: { 'X-Twilio-Webhook-Enabled': 'yes' } })).status).toBe(400)
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.post(`${p}/${m.sid}`, { Body: 'edited' }, { headers: { 'X-Twilio-Webhook-Enabled': 'yes' } })).status).toBe(200)
  },
  'delete-webhook-header-after-delete': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.delete(`${p}/${m.sid}`, { headers: { 'X-Twilio-Webhook-Enabled': 'yes' } })).status).toBe(400)
    expect((await api.get(`${p}/${m.sid}`)).status).toBe(404)
  },
  'stateless-echo': async (api) => {
    const p = await messagesPath(api)
    const [a, b] = [(await api.post(p, { Body: 'one' })).json, (await api.post(p, { Body: 'two' })).json]
    expect(b.sid).toBe(a.sid) // the example's IMaaaa…, whatever was sent
    expect((await api.get(p)).json.messages.map((m: any) => m.body)).not.toContain('one')
  },
  'update-subject-limit-ignored': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', Subject: 's'.repeat(257) })).status).toBe(400)
    const m = (await api.post(p, { Body: 'x' })).json
    expect((await api.post(`${p}/${m.sid}`, { Subject: 's'.repeat(257) })).status).toBe(200)
  },
}

const variantProbes: Record<VariantName, Probe> = {
  'sid-uppercase-hex': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    expect(m.sid).toMatch(/^IM[0-9A-F]{32}$/)
    expect(m.conversation_sid).toMatch(/^CH[0-9A-F]{32}$/)
    expect((await api.get(`${p}/${m.sid}`)).status).toBe(200)
  },
  'page-size-clamp': async (api) => {
    const p = await messagesPath(api)
    expect((await api.get(`${p}?PageSize=0`)).json.meta.page_size).toBe(1)
    expect((await api.get(`${p}?PageSize=101`)).json.meta.page_size).toBe(100)
    expect((await api.get(`${p}?PageSize=${'9'.repeat(400)}`)).json.meta.page_size).toBe(100)
    expect((await api.get(`${p}?PageSize=abc`)).status).toBe(400) // not a number is still rejected
  },
  'url-origin-twilio': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b']) await api.post(p, { Body: b })
    const m = (await api.post(p, { Body: 'x' })).json
    expect(m.url).toBe(`https://conversations.twilio.com${p}/${m.sid}`)
    const page = (await api.get(`${p}?PageSize=1`)).json
    expect(page.meta.next_page_url).toMatch(/^https:\/\/conversations\.twilio\.com\/v1\/Conversations\/CH/)
    // A client maps the foreign origin onto the target; the path and query must still work here.
    const next = new URL(page.meta.next_page_url)
    expect((await api.get(next.pathname + next.search)).json.messages).toHaveLength(1)
  },
  'index-gaps': async (api) => {
    const p = await messagesPath(api)
    const indexes: number[] = []
    for (const b of ['a', 'b', 'c', 'd']) indexes.push((await api.post(p, { Body: b })).json.index)
    for (let i = 1; i < indexes.length; i++) expect(indexes[i]).toBeGreaterThan(indexes[i - 1]!)
    expect(indexes[indexes.length - 1]! - indexes[0]!).toBeGreaterThan(indexes.length - 1) // at least one gap
  },
  'extra-properties': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x' })).json).toHaveProperty('x_conformance_extra')
    const page = (await api.get(p)).json
    expect(page.meta).toHaveProperty('x_conformance_extra')
    expect(page).toHaveProperty('x_conformance_extra')
    expect((await api.get(`${p}/IM${'0'.repeat(32)}`)).json).toHaveProperty('details')
  },
  'date-updated-null': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x' })).json
    expect(m.date_updated).toBeNull()
    expect((await api.post(`${p}/${m.sid}`, { Body: 'edited' })).json.date_updated).toMatch(/Z$/)
    expect((await api.post(p, { Body: 'y', DateUpdated: '2015-12-16T22:18:38Z' })).json.date_updated).toBe('2015-12-16T22:18:38Z')
  },
  'opaque-page-tokens': async (api) => {
    const p = await messagesPath(api)
    for (const b of ['a', 'b', 'c']) await api.post(p, { Body: b })
    const next = (await api.get(`${p}?PageSize=1`)).json.meta.next_page_url as string
    const token = new URL(next).searchParams.get('PageToken')!
    expect(token).not.toMatch(/^PT\d+$/)
    const u = new URL(next)
    expect((await api.get(u.pathname + u.search)).json.messages[0].body).toBe('b')
    expect((await api.get(`${p}?PageToken=PT1`)).status).toBe(400)
  },
  'specific-error-codes': async (api) => {
    const p = await messagesPath(api)
    const tooLong = (await api.post(p, { Body: 'x'.repeat(1601) })).json
    expect(tooLong.code).toBe(50504)
    expect(tooLong.more_info).toBe('https://www.twilio.com/docs/errors/50504')
    expect((await api.post(p, { Body: 'x', Attributes: '{nope' })).json.code).toBe(50304)
  },
  'rate-limit-429': async (api) => {
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await api.get('/v1/Configuration')).status)
    expect(statuses.filter((s) => s === 429)).toHaveLength(1)
    const limited = await (async () => {
      for (let i = 0; i < 7; i++) {
        const res = await api.get('/v1/Configuration')
        if (res.status === 429) return res
      }
      return undefined
    })()
    expect(limited?.json.code).toBe(20429)
    expect(limited?.headers['retry-after']).toBe('0')
  },
  'fractional-seconds': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x', DateCreated: '2015-12-16T22:18:37Z' })).json
    expect(m.date_created).toBe('2015-12-16T22:18:37.000Z')
  },
  'body-limit-utf16': async (api) => {
    const path = await messagesPath(api)
    expect((await api.post(path, { Body: '😀'.repeat(800) })).status).toBe(201)
    expect((await api.post(path, { Body: '😀'.repeat(1600) })).status).toBe(400)
  },
  'media-content-must-exist': async (api) => {
    const p = await messagesPath(api)
    const media = await api.post(p, { Body: 'x', MediaSid: 'ME' + '0'.repeat(32) })
    expect(media.status).toBe(400)
    expect(media.json.code).toBe(20001)
    expect((await api.post(p, { ContentSid: 'HX' + '0'.repeat(32) })).status).toBe(400)
    expect((await api.post(p, { Body: 'x' })).status).toBe(201) // a plain message is still fine
  },
  'empty-as-omitted': async (api) => {
    const p = await messagesPath(api)
    const m = await api.post(p, { Body: 'x', DateCreated: '', DateUpdated: '', Attributes: '', MediaSid: '', ContentSid: '', ContentVariables: '' }, { headers: { 'X-Twilio-Webhook-Enabled': '' } })
    expect(m.status).toBe(201)
    expect(m.json).toMatchObject({ body: 'x', attributes: '{}', media: null, content_sid: null })
    const edited = await api.post(`${p}/${m.json.sid}`, { Body: 'edited', DateCreated: '', Attributes: '' }, { headers: { 'X-Twilio-Webhook-Enabled': '' } })
    expect(edited.json).toMatchObject({ body: 'edited', attributes: '{}', date_created: m.json.date_created })
    expect((await api.delete(`${p}/${m.json.sid}`, { headers: { 'X-Twilio-Webhook-Enabled': '' } })).status).toBe(204)
    expect((await api.post(p, { Body: '' })).status).toBe(400) // an empty Body is still no content
  },
  'page-size-max-1000': async (api) => {
    const p = await messagesPath(api)
    expect((await api.get(`${p}?PageSize=1000`)).json.meta.page_size).toBe(1000)
    expect((await api.get(`${p}?PageSize=1001`)).status).toBe(400)
  },
  'page-echoed': async (api) => {
    const p = await messagesPath(api)
    expect((await api.get(`${p}?Page=-3`)).json.meta.page).toBe(-3)
    expect((await api.get(`${p}?Page=abc`)).status).toBe(400) // not an integer is still refused
  },
  'attributes-objects-only': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', Attributes: '[1]' })).status).toBe(400)
    expect((await api.post(p, { Body: 'x', Attributes: 'null' })).json.attributes).toBe('{}')
    expect((await api.post(p, { Body: 'x', Attributes: '{"a":1}' })).json.attributes).toBe('{"a":1}')
  },
  'empty-attributes-reset': async (api) => {
    const p = await messagesPath(api)
    const m = (await api.post(p, { Body: 'x', Attributes: '{"a":1}' })).json
    expect((await api.post(`${p}/${m.sid}`, { Body: 'y', Attributes: '' })).json.attributes).toBe('{}')
  },
  'dates-upper-case-only': async (api) => {
    const p = await messagesPath(api)
    expect((await api.post(p, { Body: 'x', DateCreated: '2019-05-01t10:00:00z' })).status).toBe(400)
    expect((await api.post(p, { Body: 'x', DateCreated: '2019-05-01T10:00:00Z' })).status).toBe(201)
  },
}

let clean: ReferenceServer
let cleanApi: TestClient
beforeAll(async () => {
  clean = await startReferenceServer()
  cleanApi = new TestClient(clean)
})
afterAll(() => clean.close())

async function withServer(opts: { faults?: string[]; variants?: string[] }, probe: Probe): Promise<void> {
  const server = await startReferenceServer(opts)
  try {
    await probe(new TestClient(server))
  } finally {
    await server.close()
  }
}

describe('faults', () => {
  it('has a one-sentence description for every fault, and probes only for known faults', () => {
    for (const name of Object.keys(faultProbes)) expect(FAULTS).toHaveProperty([name])
    for (const text of Object.values(FAULTS)) expect(text).toMatch(/^[A-Z].*\.$/)
  })

  const probed = Object.entries(faultProbes) as Array<[FaultName, Probe]>
  describe.each(probed)('%s', (name, probe) => {
    it('changes the behaviour it names', () => withServer({ faults: [name] }, probe))
    it('is not observed on a correct server', async () => {
      await expect(probe(cleanApi)).rejects.toThrow()
    })
  })

  it('combines faults', () =>
    withServer({ faults: ['create-200', 'attributes-null'] }, async (api) => {
      const res = await api.post(await messagesPath(api), { Body: 'x' })
      expect(res.status).toBe(200)
      expect(res.json.attributes).toBeNull()
    }))
})

describe('variants', () => {
  it('has a description and a probe for every variant', () => {
    expect(Object.keys(variantProbes).sort()).toEqual(Object.keys(VARIANTS).sort())
  })

  describe.each(Object.keys(variantProbes) as VariantName[])('%s', (name) => {
    it('selects the behaviour it names', () => withServer({ variants: [name] }, variantProbes[name]))
    it('is not the default', async () => {
      await expect(variantProbes[name](cleanApi)).rejects.toThrow()
    })
  })
})
