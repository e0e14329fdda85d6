import { createServer, request, type Server } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { runCli } from './support/cli.ts'

// A failure names what the target sent, never the complaint of the parser that read it: a target whose update
// answers attributes as a JSON object (not a string of JSON) once read `"[object Object]" is not valid JSON`.

let reference: ReferenceServer
let proxy: Server
let url = ''
beforeAll(async () => {
  reference = await startReferenceServer({})
  const upstream = new URL(reference.url)
  // The reference server, except that a message update answers attributes as an object that is not the one sent.
  proxy = createServer((req, res) => {
    const isUpdate = req.method === 'POST' && /\/Messages\/IM[0-9a-f]{32}$/.test(req.url ?? '')
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (c: Buffer) => chunks.push(c))
      answer.on('end', () => {
        let body = Buffer.concat(chunks).toString('utf8')
        if (isUpdate && answer.statusCode === 200) body = JSON.stringify({ ...JSON.parse(body), attributes: { edited: 'no' } })
        res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' }).end(body)
      })
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()))
  await reference.close()
})

test('an update answering attributes as an object fails naming the value it answered', async () => {
  const run = await runCli(['--target', url, '--account-sid', reference.accountSid, '--auth-token', reference.authToken, 'msg.update.applies-changes', '--quiet'])
  expect(run.code, run.stderr).toBe(1)
  expect(run.stdout).not.toContain('is not valid JSON')
  expect(run.stdout).toContain('attributes were not updated (the update answered attributes {"edited":"no"}): differs at /edited: expected true, got "no"')
})
