// The preflight's one line when a target lacks an endpoint the suite needs before any check: it names the endpoint
// when the target is plainly a Twilio-like API (a Twilio error body), and asks about the base URL otherwise.
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCli } from './support/cli.ts'

/** A server answering every request with this status and body, as JSON. */
function answering(status: number, body: unknown): Server {
  return createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)))
}

describe('the preflight names what is missing', { timeout: 60_000 }, () => {
  const twilio404 = answering(404, { code: 20404, message: 'The requested resource was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 })
  const other404 = answering(404, { error: 'no route' })
  const urls: string[] = []
  beforeAll(async () => urls.push(await listen(twilio404), await listen(other404)))
  afterAll(() => {
    twilio404.close()
    other404.close()
  })
  const creds = ['--account-sid', 'AC' + 'a'.repeat(32), '--auth-token', 'x']

  test.each([
    [[], /answered GET \/v1\/Configuration with 404 and GET \/v1\/Conversations with 404: the target does not serve GET \/v1\/Conversations, which the suite needs/],
    [['--service-sid', 'IS' + 'b'.repeat(32)], /answered GET \/v1\/Conversations with 404: the target does not serve GET \/v1\/Conversations/],
  ])('a Twilio 404 (%j): the endpoint, not the base URL', async (extra, pattern) => {
    const run = await runCli(['--target', urls[0]!, ...creds, ...extra])
    expect(run.code).toBe(2)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(pattern)
    expect(run.stderr).not.toMatch(/base URL/)
  })

  test('a 404 that is not a Twilio error: is --target the API base URL?', async () => {
    const run = await runCli(['--target', urls[1]!, ...creds])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^conformance: .*GET \/v1\/Conversations with 404; is --target the API base URL\?\n$/)
  })
})
