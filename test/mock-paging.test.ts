// Reference server: list paging, ordering and the page meta block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient } from '../mock/testkit.ts'

let server: ReferenceServer
let api: TestClient
let conv: string
let path: string
let created: { sid: string; index: number }[]
const COUNT = 7

beforeAll(async () => {
  server = await startReferenceServer()
  api = new TestClient(server)
  conv = await api.conversation()
  path = `/v1/Conversations/${conv}/Messages`
  created = []
  for (let i = 0; i < COUNT; i++) created.push((await api.post(path, { Body: `m${i}` })).json)
})
afterAll(() => server.close())

const indicesOf = (pages: { json: any }[]) => pages.flatMap((p) => p.json.messages.map((m: any) => m.index))
const ascending = () => created.map((m) => m.index)

describe('list', () => {
  it('returns everything ascending by default with the documented meta', async () => {
    const res = await api.get(path)
    expect(res.status).toBe(200)
    expect(Object.keys(res.json)).toEqual(['meta', 'messages'])
    expect(res.json.meta).toEqual({
      page: 0,
      page_size: 50,
      first_page_url: `${server.url}${path}?PageSize=50&Page=0`,
      previous_page_url: null,
      url: `${server.url}${path}?PageSize=50&Page=0`,
      next_page_url: null,
      key: 'messages',
    })
    expect(res.json.messages.map((m: any) => m.index)).toEqual(ascending())
    expect(res.json.messages[0]).toEqual((await api.get(`${path}/${created[0]!.sid}`)).json)
  })

  it.each([1, 2, 3])('partitions every message exactly once with PageSize=%i', async (size) => {
    const pages = await api.allPages(`${path}?PageSize=${size}`)
    expect(pages).toHaveLength(Math.ceil(COUNT / size))
    expect(indicesOf(pages)).toEqual(ascending())
    pages.forEach((p, i) => {
      expect(p.json.meta.page).toBe(i)
      expect(p.json.meta.page_size).toBe(size)
      expect(p.json.messages.length).toBeLessThanOrEqual(size)
      expect(p.json.meta.first_page_url).toBe(`${server.url}${path}?PageSize=${size}&Page=0`)
    })
    expect(pages.at(-1)!.json.meta.next_page_url).toBeNull()
  })

  it.each(['desc', 'DeSc', 'DESC', 'desC'])('orders descending for Order=%s and echoes it lower-cased', async (order) => {
    const pages = await api.allPages(`${path}?Order=${order}&PageSize=3`)
    expect(indicesOf(pages)).toEqual(ascending().reverse())
    expect(pages[0]!.json.meta.url).toBe(`${server.url}${path}?Order=desc&PageSize=3&Page=0`)
    expect(pages[0]!.json.meta.next_page_url).toMatch(new RegExp(`\\?Order=desc&PageSize=3&Page=1&PageToken=PT\\d+$`))
  })

  it.each(['asc', 'AsC'])('orders ascending for Order=%s', async (order) => {
    const res = await api.get(`${path}?Order=${order}`)
    expect(res.json.messages.map((m: any) => m.index)).toEqual(ascending())
    expect(res.json.meta.first_page_url).toBe(`${server.url}${path}?Order=asc&PageSize=50&Page=0`)
  })

  it('gives previous_page_url pointing at the previous page', async () => {
    const [first, second, third] = await api.allPages(`${path}?PageSize=2`)
    expect(first!.json.meta.previous_page_url).toBeNull()
    expect(second!.json.meta.previous_page_url).toMatch(/Page=0&PageToken=PT\d+$/)
    const back = await api.get(third!.json.meta.previous_page_url)
    expect(back.json.messages).toEqual(second!.json.messages)
    expect(back.json.meta.page).toBe(1)
    const descPages = await api.allPages(`${path}?Order=desc&PageSize=3`)
    expect((await api.get(descPages[1]!.json.meta.previous_page_url)).json.messages).toEqual(descPages[0]!.json.messages)
  })

  it('echoes Page without using it for positioning', async () => {
    const res = await api.get(`${path}?PageSize=2&Page=5`)
    expect(res.json.meta.page).toBe(5)
    expect(res.json.messages.map((m: any) => m.index)).toEqual(ascending().slice(0, 2))
    expect(res.json.meta.next_page_url).toContain('Page=6&PageToken=')
  })

  it('rejects out-of-range or non-integer PageSize, bad Page, bad Order and bad PageToken with 400 20001', async () => {
    for (const q of ['PageSize=0', 'PageSize=101', 'PageSize=abc', 'PageSize=1e3', 'PageSize=-1', 'PageSize=2.5', 'PageSize=',
      'Page=-1', 'Page=x', 'Order=up', 'Order=', 'PageToken=nope', 'PageToken=PT', 'PageToken=PT-1']) {
      const res = await api.get(`${path}?${q}`)
      expect(res.status, q).toBe(400)
      expect(res.json.code, q).toBe(20001)
      expect(res.json.message, q).toMatch(/PageSize|Page|Order|PageToken/)
    }
    expect((await api.get(`${path}?PageSize=100`)).status).toBe(200)
    expect((await api.get(`${path}?PageSize=1`)).status).toBe(200)
  })

  it('returns every remaining message exactly once when messages are deleted between pages', async () => {
    const c = await api.conversation()
    const p = `/v1/Conversations/${c}/Messages`
    const made: any[] = []
    for (let i = 0; i < 6; i++) made.push((await api.post(p, { Body: `x${i}` })).json)
    const first = await api.get(`${p}?PageSize=2`)
    // Delete the first message of the next page and one already seen.
    await api.delete(`${p}/${made[2].sid}`)
    await api.delete(`${p}/${made[0].sid}`)
    const rest = await api.allPages(first.json.meta.next_page_url)
    expect(indicesOf([first, ...rest])).toEqual([0, 1, 3, 4, 5])
  })

  it('answers an empty page for a conversation without messages', async () => {
    const c = await api.conversation()
    const res = await api.get(`/v1/Conversations/${c}/Messages?Order=desc`)
    expect(res.json.messages).toEqual([])
    expect(res.json.meta.next_page_url).toBeNull()
    expect(res.json.meta.previous_page_url).toBeNull()
  })

  it('ignores unknown and array-style parameters', async () => {
    const res = await api.get(`${path}?Order[]=x&Foo=bar&PageSize=2`)
    expect(res.status).toBe(200)
    expect(res.json.messages).toHaveLength(2)
  })
})
