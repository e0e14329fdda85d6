import { check } from '../../src/harness/check.ts'
import { expectJson, expectStatus, expectThat, sameSid } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// The origin is the server's choice (https://conversations.twilio.com behind a proxy, or its own): only the path is
// judged. Both the short and the service form end in /Conversations/{CH}/Messages/{IM}.
const OWN_PATH = /\/Conversations\/([^/]+)\/Messages\/([^/]+)$/
const SERVICE_FORM = /\/Services\/([^/]+)\/Conversations\/[^/]+\/Messages\/[^/]+$/

function absoluteHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined
  const url = new URL(value)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
}

check('msg.representation.url-self', async ({ messages, conversation, config, observe }) => {
  const views = await messageViews(messages, { Body: 'url probe' })
  for (const { where, message, exchange } of views) {
    const url = absoluteHttpUrl(message['url'])
    expectThat(url !== undefined, `${where}: url ${JSON.stringify(message['url'])} is not an absolute http(s) URL`, exchange)
    const own = OWN_PATH.exec(url.pathname)
    const ok = own !== null && sameSid(decodeURIComponent(own[1]!), conversation.sid) && sameSid(decodeURIComponent(own[2]!), message['sid'])
    expectThat(ok, `${where}: the path of url ${url.href} does not end in /Conversations/${conversation.sid}/Messages/${String(message['sid'])}`, exchange)
    const service = SERVICE_FORM.exec(url.pathname)
    if (service !== null) {
      expectThat(sameSid(decodeURIComponent(service[1]!), conversation.serviceSid), `${where}: url ${url.href} names another service than the conversation's (${conversation.serviceSid})`, exchange)
    }
  }

  const { message } = views[0]!
  const url = new URL(message['url'] as string)
  observe(`url form: ${SERVICE_FORM.test(url.pathname) ? 'service (/Services/IS…/Conversations/…)' : 'short (/Conversations/…)'}; origin ${url.origin === new URL(config.target.baseUrl).origin ? 'the target' : url.origin}`)
  // follow() maps the URL onto the target: credentials never go to another origin.
  const followed = await messages.follow(url.href)
  expectStatus(followed, 200, 'fetching the message url')
  const got = expectJson(followed) as Record<string, unknown>
  expectThat(sameSid(got['sid'], message['sid']), `fetching the message url returned ${JSON.stringify(got['sid'])}, not the message ${String(message['sid'])}`, followed)
  expectThat(got['body'] === message['body'], `fetching the message url returned body ${JSON.stringify(got['body'])}, not ${JSON.stringify(message['body'])}`, followed)
})
