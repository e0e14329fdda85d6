import { MockAgent } from 'undici'
import { afterEach, describe, expect, test } from 'vitest'
import { parseRunOptions } from '../src/cli/options.ts'
import { UsageError } from '../src/cli/usage-error.ts'
import { CouldNotJudge } from '../src/client/errors.ts'
import { HttpClient } from '../src/client/http.ts'
import type { Target } from '../src/client/target.ts'
import { mayFireWebhooks, webhookRefusal } from '../src/client/webhooks.ts'
import { webhookValues } from '../suites/create/webhook-header.ts'

// The nightly's safety catch (src/client/webhooks.ts): a twilio.com target never gets X-Twilio-Webhook-Enabled: true
// unless the run was given --allow-webhooks. The twilio.com target here is a name only: a MockAgent that refuses the
// network stands in for it, so nothing reaches a real host.
const TWILIO = 'https://conversations.twilio.com'
const target = (baseUrl: string): Target => ({ baseUrl, accountSid: `AC${'1'.repeat(32)}`, username: `AC${'1'.repeat(32)}`, secret: 'not-a-secret', timeoutMs: 1000 })

const agents: MockAgent[] = []
afterEach(async () => {
  await Promise.all(agents.splice(0).map((a) => a.close()))
})

/** A client whose every request would be answered 201 by the MockAgent; `sent` counts what reached it. */
function client(baseUrl: string, allowWebhooks?: boolean) {
  const agent = new MockAgent()
  agents.push(agent)
  agent.disableNetConnect()
  const sent: string[] = []
  agent.get(new URL(baseUrl).origin).intercept({ path: () => true, method: () => true }).reply(201, '{"sid":"IMx"}', { headers: { 'content-type': 'application/json' } }).persist()
  const http = new HttpClient(target(baseUrl), { dispatcher: agent, onExchange: (ex) => sent.push(ex.request.path), ...(allowWebhooks ? { allowWebhooks } : {}) })
  return { http, sent }
}

const create = (http: HttpClient, value: string, name = 'X-Twilio-Webhook-Enabled') =>
  http.send({ method: 'POST', path: '/v1/Conversations/CHx/Messages', form: { Body: 'hi' }, headers: { [name]: value } })

describe('X-Twilio-Webhook-Enabled: true against a twilio.com target', () => {
  test('is refused before it is sent, under any spelling of the name and the value, as "not judged" with the reason', async () => {
    const { http, sent } = client(TWILIO)
    for (const [name, value] of [['X-Twilio-Webhook-Enabled', 'true'], ['x-twilio-webhook-enabled', 'TRUE'], ['X-TWILIO-WEBHOOK-ENABLED', ' True ']] as const) {
      const refused = create(http, value, name)
      await expect(refused).rejects.toBeInstanceOf(CouldNotJudge)
      await expect(refused).rejects.toThrow(/would fire the webhooks of the account at https:\/\/conversations\.twilio\.com; the run sends it there only with --allow-webhooks/)
    }
    expect(sent).toEqual([])
    // false (and anything but true) goes out: it fires nothing.
    expect((await create(http, 'false')).response.status).toBe(201)
    expect(sent).toHaveLength(1)
  })

  test('is sent with --allow-webhooks, and to any other target without it', async () => {
    expect((await create(client(TWILIO, true).http, 'true')).response.status).toBe(201)
    expect((await create(client('https://api.eu1.twilio.com', true).http, 'true')).response.status).toBe(201)
    expect((await create(client('http://127.0.0.1:4010').http, 'true')).response.status).toBe(201)
    expect((await create(client('https://mock.example.com').http, 'true')).response.status).toBe(201)
  })

  test('the rule: twilio.com and its subdomains only; a look-alike host is not Twilio', () => {
    expect(webhookRefusal('https://twilio.com', { 'X-Twilio-Webhook-Enabled': 'true' }, false)).toBeDefined()
    expect(webhookRefusal('https://conversations.twilio.com', { 'X-Twilio-Webhook-Enabled': 'true' }, undefined)).toBeDefined()
    expect(webhookRefusal('https://nottwilio.com', { 'X-Twilio-Webhook-Enabled': 'true' }, false)).toBeUndefined()
    expect(webhookRefusal('https://conversations.twilio.com', { Accept: 'application/json' }, false)).toBeUndefined()
    expect(mayFireWebhooks(TWILIO, false)).toBe(false)
    expect(mayFireWebhooks(TWILIO, true)).toBe(true)
  })

  test('the webhook checks send only false there, and true too elsewhere or when allowed', () => {
    expect(webhookValues({ target: target(TWILIO) })).toEqual(['false'])
    expect(webhookValues({ target: target(TWILIO), allowWebhooks: true })).toEqual(['true', 'false'])
    expect(webhookValues({ target: target('http://127.0.0.1:4010') })).toEqual(['true', 'false'])
  })
})

describe('the flags', () => {
  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseRunOptions(argv, env, () => {}, () => 'v')
  const ME = `ME${'a'.repeat(32)}`
  const HX = `HX${'b'.repeat(32)}`

  test('--allow-webhooks, --media-sid and --content-sid, or TWILIO_MEDIA_SID and TWILIO_CONTENT_SID', () => {
    expect(parse(['--target', TWILIO])).not.toHaveProperty('allowWebhooks')
    expect(parse(['--target', TWILIO, '--allow-webhooks'])).toMatchObject({ allowWebhooks: true })
    expect(parse(['--media-sid', ME, '--content-sid', HX])).toMatchObject({ mediaSid: ME, contentSid: HX })
    expect(parse([], { TWILIO_MEDIA_SID: ME, TWILIO_CONTENT_SID: HX })).toMatchObject({ mediaSid: ME, contentSid: HX })
    expect(parse(['--media-sid', ME], { TWILIO_MEDIA_SID: `ME${'c'.repeat(32)}` })).toMatchObject({ mediaSid: ME })
  })

  test('a SID of the wrong kind is one line naming the flag', () => {
    expect(() => parse(['--media-sid', HX])).toThrow(new UsageError(`--media-sid "${HX}" is not a media SID (ME and 32 hex digits)`))
    expect(() => parse([], { TWILIO_CONTENT_SID: 'HX123' })).toThrow(/--content-sid "HX123" is not a Content template SID/)
  })
})
