// The endpoints docs/mock-ci.md says a mock must serve besides the ten message operations are the ones a run uses:
// a whole run goes through a recording proxy to the reference server, and every endpoint it called outside the
// Messages resource must be in the page's table (and every row of the table must be called), so the list cannot drift.
import { createServer, request, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startReferenceServer, type ReferenceServer } from '../mock/server.ts'
import { ROOT, runCli } from './support/cli.ts'

/** `POST /v1/Conversations/CH…/Participants` → `POST /v1/Conversations/{sid}/Participants`: every item named by `{sid}`. */
export function endpointOf(method: string, url: string): string {
  const path = url.split('?')[0]!
  const parts = path.split('/').map((segment, i, all) => (i > 2 && /^(Conversations|Services|Participants|Users|Media|Content)$/.test(all[i - 1]!) ? '{sid}' : segment))
  return `${method} ${parts.join('/')}`
}

/** The rows of the table after the `endpoints` marker in docs/mock-ci.md: `` `METHOD /v1/…` `` in the first cell. */
function documented(): string[] {
  const page = readFileSync(join(ROOT, 'docs', 'mock-ci.md'), 'utf8')
  const section = page.split('<!-- endpoints: checked by test/docs-endpoints.test.ts -->\n')[1]?.split('\n\n')[0] ?? ''
  return [...section.matchAll(/^\| `((?:GET|POST|DELETE) \/v1\/\S*)` \|/gm)].map((m) => m[1]!)
}

describe('the endpoints a mock must serve (docs/mock-ci.md)', { timeout: 180_000 }, () => {
  let server: ReferenceServer
  let proxy: Server
  let proxyUrl = ''
  const called = new Set<string>()
  beforeAll(async () => {
    server = await startReferenceServer()
    const target = new URL(server.url)
    proxy = createServer((req, res) => {
      called.add(endpointOf(req.method!, req.url!))
      const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers)
        answer.pipe(res)
      })
      req.pipe(forward)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`
  })
  afterAll(async () => {
    proxy.closeAllConnections()
    proxy.close()
    await server.close()
  })

  test('names SIDs and identities alike', () => {
    expect(endpointOf('DELETE', `/v1/Services/IS${'a'.repeat(32)}/Users/alice?x=1`)).toBe('DELETE /v1/Services/{sid}/Users/{sid}')
    expect(endpointOf('GET', '/v1/Conversations?PageSize=1')).toBe('GET /v1/Conversations')
  })

  test('a whole run calls exactly the documented endpoints besides the Messages resource', async () => {
    const credentials = ['--target', proxyUrl, '--account-sid', server.accountSid, '--auth-token', server.authToken, '--quiet']
    // With --service-sid, the preflight lists conversations instead of reading the configuration.
    const named = await runCli([...credentials, '--service-sid', server.defaultServiceSid, 'msg.create.status-201'])
    expect(named.code, named.stdout + named.stderr).toBe(0)
    const run = await runCli(credentials)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const outside = [...called].filter((e) => !e.includes('/Messages')).sort()
    expect(outside.length).toBeGreaterThan(5)
    expect(outside).toEqual([...documented()].sort())
  })
})
