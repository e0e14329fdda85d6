// Reference server: hostile and malformed input never produces a 500, a crash or a non-JSON error.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { TestClient, basicAuth } from '../mock/testkit.ts'

let server: ReferenceServer
let api: TestClient
let conv: string
let path: string

beforeAll(async () => {
  server = await startReferenceServer()
  api = new TestClient(server)
  conv = await api.conversation()
  path = `/v1/Conversations/${conv}/Messages`
})
afterAll(() => server.close())

/** Sends raw bytes and returns the parsed status line, headers and body of the response. */
function raw(bytes: string | Buffer): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes))
    const chunks: Buffer[] = []
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', body = ''] = text.split('\r\n\r\n', 2)
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body })
    })
  })
}

const auth = () => basicAuth(server.accountSid, server.authToken)

function expectJsonError(res: { status: number; json: any; headers: Record<string, unknown> }, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(res.json.status).toBe(status)
  expect(typeof res.json.code).toBe('number')
}

describe('malformed form bodies', () => {
  it.each([
    ['truncated escape', 'Body=%E0%A4%A'],
    ['lone percent', 'Body=%'],
    ['non-hex escape', 'Body=%ZZ'],
    ['escape forming invalid UTF-8', 'Body=%FF%FE'],
    ['overlong UTF-8', 'Body=%C0%AF'],
    ['UTF-16 surrogate in UTF-8', 'Body=%ED%A0%80'],
    ['malformed name', '%=x&Body=ok'],
  ])('rejects a %s with 400 20001 naming the problem', async (_name, body) => {
    const res = await api.post(path, body)
    expectJsonError(res, 400)
    expect(res.json.code).toBe(20001)
    expect(res.json.message).toMatch(/percent-encoding|UTF-8/)
  })

  it('rejects raw invalid UTF-8 bytes', async () => {
    const res = await api.send('POST', path, Buffer.concat([Buffer.from('Body='), Buffer.from([0xff, 0xfe, 0x41])]))
    expectJsonError(res, 400)
  })

  it('keeps NUL characters and other oddities as data', async () => {
    const res = await api.post(path, 'Body=a%00b&&&=&Author=%F0%9F%98%80+x&Body=second')
    expect(res.status).toBe(201)
    expect(res.json.body).toBe('a\u0000b') // the first of a repeated parameter wins
    expect(res.json.author).toBe('😀 x')
  })

  it('answers a 2 MB body with 413 and keeps serving on the same connection', async () => {
    const res = await api.post(path, 'Body=' + 'x'.repeat(2 * 1024 * 1024))
    expectJsonError(res, 413)
    expect((await api.get(path)).status).toBe(200)
  })

  it.each([
    ['application/json', '{"Body":"hi"}'],
    ['text/plain', 'Body=hi'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="Body"\r\n\r\nhi\r\n--x--'],
    ['application/x-www-form-urlencoded-not', 'Body=hi'],
  ])('reads no parameters from a %s body (400, not 500)', async (type, body) => {
    const res = await api.send('POST', path, body, { headers: { 'content-type': type } })
    expectJsonError(res, 400)
    expect(res.json.message).toContain('Body, MediaSid or ContentSid is required')
  })

  it('accepts the form type with parameters and in upper case', async () => {
    const res = await api.send('POST', path, 'Body=hi', { headers: { 'content-type': 'APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8' } })
    expect(res.status).toBe(201)
  })
})

describe('malformed paths, queries and headers', () => {
  it.each([
    `/v1/Conversations/${'CH' + '0'.repeat(32)}/../Messages`,
    '/v1/Conversations/%FF%FE/Messages',
    '/v1/Conversations/%/Messages',
    '/v1/Conversations//Messages',
    '/v1/Conversations/x/Messages/',
    '/v1',
    '/',
  ])('answers %s with a JSON 404', async (p) => {
    const res = await api.get(p)
    expectJsonError(res, 404)
    expect(res.json.code).toBe(20404)
  })

  it('handles a malformed query only where a query is read', async () => {
    expectJsonError(await api.get(`${path}?PageSize=%ZZ`), 400)
    expect((await api.get(`${path}?Order%5B%5D=x`)).status).toBe(200)
  })

  it('serves a 200 KB query string with a JSON answer', async () => {
    const res = await api.get(`${path}?Junk=${'a'.repeat(200_000)}&PageSize=1`)
    expect(res.status).toBe(200)
    expect(res.json.messages.length).toBeLessThanOrEqual(1)
  })

  it('answers a request line over the header limit with a JSON 431', async () => {
    const res = await raw(`GET ${path}?Junk=${'a'.repeat(1_100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)
    expect(res.status).toBe(431)
    expect(JSON.parse(res.body)).toMatchObject({ status: 431 })
  })

  it.each([
    ['garbage request line', 'HELLO\r\n\r\n'],
    ['unknown method', `BREW ${path} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['NUL in the path', `GET /v1/Conv\u0000ersations HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['bad Content-Length', `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`],
  ])('answers a %s with a JSON 400', async (_name, bytes) => {
    const res = await raw(bytes)
    expect(res.status).toBe(400)
    expect(res.headers).toContain('application/json')
    expect(JSON.parse(res.body)).toMatchObject({ code: 20001, status: 400 })
  })

  it('serves an absolute-form request target', async () => {
    const res = await raw(`GET ${server.url}/v1/Configuration HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth()}\r\nConnection: close\r\n\r\n`)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).account_sid).toBe(server.accountSid)
  })

  it('answers odd Authorization headers with 401', async () => {
    for (const header of ['Basic', 'Basic ', 'Basic ==', 'Basic Og==', `Basic ${'A'.repeat(10_000)}`, 'Basic\u00ff\u00fe']) {
      const res = await raw(`GET /v1/Configuration HTTP/1.1\r\nHost: x\r\nAuthorization: ${header}\r\nConnection: close\r\n\r\n`)
      expect(res.status, header).toBe(401)
      expect(JSON.parse(res.body).code).toBe(20003)
    }
  })

  it('answers HEAD and OPTIONS on a known path with 405', async () => {
    expect((await api.send('HEAD', path)).status).toBe(405)
    expect((await api.send('OPTIONS', path)).status).toBe(405)
  })
})

describe('random input', () => {
  // A small deterministic PRNG so a failure reproduces.
  function rng(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32)
  }
  const alphabet = ['%', '&', '=', '+', 'Body', 'Author', 'Attributes', 'MediaSid', 'ContentSid', 'DateCreated', 'Subject',
    'PageSize', 'Page', 'Order', 'PageToken', 'PT', 'desc', '%E0', '%A4', '%00', '%FF', '{', '}', '"', 'ME', 'HX', '1', '0', 'a', '😀', '\u0000', '[]']

  it('never answers 5xx to 300 random bodies and queries', async () => {
    const next = rng(20240601)
    const pick = () => alphabet[Math.floor(next() * alphabet.length)]!
    const statuses = new Set<number>()
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, pick).join('')
      const body = next() < 0.2 ? Buffer.from(Array.from({ length: 20 }, () => Math.floor(next() * 256))) : text
      const res =
        i % 3 === 0
          ? await api.get(`${path}?${encodeURI(text).replace(/#/g, '%23')}`)
          : await api.send('POST', i % 3 === 1 ? path : `${path}/IM${'0'.repeat(32)}`, body)
      statuses.add(res.status)
      expect(res.status, `input ${JSON.stringify(text)}`).toBeLessThan(500)
      if (res.status !== 204) expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    }
    expect([...statuses].some((s) => s === 400)).toBe(true)
    expect((await api.get('/v1/Configuration')).status).toBe(200) // still up
  })
})
