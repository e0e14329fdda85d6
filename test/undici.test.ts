import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as undici from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { Agent, request, requestText } from '../src/client/undici.ts'

// src/client/undici.ts loads undici's Agent and `request` without the rest of the package. These hold it to the
// public API: the same bytes on the wire and the same answer, for the awkward paths the checks send on purpose.

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

let seen: Seen[] = []
const server = createServer((req, res) => {
  if (req.url === '/trickle') {
    // Headers at once, then a byte now and then, for ever: each wait is short, the whole never ends.
    res.writeHead(200, { 'content-type': 'text/plain' })
    const drip = setInterval(() => res.write('.'), 20)
    res.on('close', () => clearInterval(drip))
    return
  }
  let body = ''
  req.on('data', (c: Buffer) => (body += c.toString('latin1')))
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body })
    res.writeHead(201, { 'content-type': 'application/json', 'x-echo': req.url! })
    res.end(JSON.stringify({ url: req.url }))
  })
})
let origin = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const PATHS = [
  '/v1/Conversations/CH0123/Messages?PageSize=2&Order=DeSc',
  '/v1/Conversations/ CH0123/Messages/IM%20x',
  '/v1/Conversations/CH😀/Messages/é?Body=a b&x=%zz',
  '/v1/Conversations/CH0123/../Messages/./IM',
  '/v1/Conversations/CH0123/Messages#fragment',
]

describe('the Agent and request of src/client/undici.ts', () => {
  test.each(PATHS)('send what undici.request sends: %s', async (path) => {
    const send = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-case': 'KeEp' }, body: 'Body=h%C3%A9llo&Author=a+b' }
    const ours = new Agent()
    const theirs = new undici.Agent()
    try {
      seen = []
      const a = await request(origin + path, { ...send, dispatcher: ours })
      const aBody = await a.body.text()
      const b = await undici.request(origin + path, { ...send, dispatcher: theirs })
      const bBody = await b.body.text()
      expect(seen).toHaveLength(2)
      const [sentByOurs, sentByTheirs] = seen as [Seen, Seen]
      expect(sentByOurs).toEqual(sentByTheirs)
      expect([a.statusCode, a.headers['x-echo'], aBody]).toEqual([b.statusCode, b.headers['x-echo'], bBody])
      expect(a.statusCode).toBe(201)
    } finally {
      await Promise.all([ours.close(), theirs.close()])
    }
  })

  test('an abort signal reaches the request', async () => {
    const agent = new Agent()
    try {
      await expect(request(`${origin}/v1/x`, { method: 'GET', dispatcher: agent, signal: AbortSignal.abort(new Error('stopped')) })).rejects.toThrow('stopped')
    } finally {
      await agent.close()
    }
  })

  test('a URL that is not http(s) is refused before anything is sent', () => {
    seen = []
    const agent = new Agent()
    expect(() => request('ftp://127.0.0.1/x', { method: 'GET', dispatcher: agent })).toThrow(/not an http\(s\) URL/)
    expect(seen).toEqual([])
    void agent.close()
  })

  test('requestText reads the whole body; a body that trickles in for ever ends in a TimeoutError', async () => {
    const agent = new Agent()
    try {
      const answer = await requestText(`${origin}/v1/x`, { method: 'GET', dispatcher: agent, timeoutMs: 5000 })
      expect([answer.statusCode, answer.text]).toEqual([201, JSON.stringify({ url: '/v1/x' })])
      const trickle = requestText(`${origin}/trickle`, { method: 'GET', dispatcher: agent, timeoutMs: 300, bodyTimeout: 60_000, headersTimeout: 60_000 })
      await expect(trickle).rejects.toMatchObject({ name: 'TimeoutError' })
    } finally {
      await agent.destroy()
    }
  })
})
