// Reference server: each fault breaks exactly the behaviour it names, and each variant selects the
// allowed behaviour it names. Every probe is also run against a correct server, where it must
// fail: that proves the probe detects the switch rather than passing anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULTS, type FaultName } from '../mock/faults.ts'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'
import { VARIANTS, type VariantName } from '../mock/variants.ts'

type Probe = (api: TestClient) => Promise<void>

async function messagesPath(api: TestClient): Promise<string> {
  return `/v1/Conversations/${await api.conversation()}/Messages`
}

// Typed as a Record over the names, so adding a fault without a probe does not compile.
const faultProbes: Record<FaultName, Probe> = {
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
  it('has a one-sentence description and a probe for every fault', () => {
    expect(Object.keys(faultProbes).sort()).toEqual(Object.keys(FAULTS).sort())
    for (const text of Object.values(FAULTS)) expect(text).toMatch(/^[A-Z].*\.$/)
  })

  describe.each(Object.keys(faultProbes) as FaultName[])('%s', (name) => {
    it('changes the behaviour it names', () => withServer({ faults: [name] }, faultProbes[name]))
    it('is not observed on a correct server', async () => {
      await expect(faultProbes[name](cleanApi)).rejects.toThrow()
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
