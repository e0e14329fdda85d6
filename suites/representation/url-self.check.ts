import { check } from '../../src/harness/check.ts'
import { expectMessage, expectStatus, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { messageViews } from '../../src/harness/views.ts'

// The origin is the server's choice (https://conversations.twilio.com behind a proxy, or its own): only the path is
// judged, by the same rule `conformance validate` applies. Both the short and the service form are accepted.
const SERVICE_FORM = /\/Services\/([^/]+)\/Conversations\/[^/]+\/Messages\/[^/]+$/

check('msg.representation.url-self', async (ctx) => {
  const { conversation, config, observe } = ctx
  const views = await messageViews(ctx, { Body: 'url probe' })
  for (const view of views) {
    expectMessageRule('msg.representation.url-self', view)
    const service = SERVICE_FORM.exec(new URL(view.message['url'] as string).pathname)
    if (service !== null) {
      expectThat(sameSid(decodeURIComponent(service[1]!), conversation.serviceSid), `${view.where}: url ${String(view.message['url'])} names another service than the conversation's (${conversation.serviceSid})`, view.exchange)
    }
  }

  const { message } = views[0]!
  const url = new URL(message['url'] as string)
  observe(`url form: ${SERVICE_FORM.test(url.pathname) ? 'service (/Services/IS…/Conversations/…)' : 'short (/Conversations/…)'}; origin ${url.origin === new URL(config.target.baseUrl).origin ? 'the target' : url.origin}`)
  // follow() maps the URL onto the target: credentials never go to another origin.
  const followed = await ctx.messages.follow(url.href)
  expectStatus(followed, 200, 'fetching the message url')
  const got = expectMessage(followed) as Record<string, unknown>
  expectThat(sameSid(got['sid'], message['sid']), `fetching the message url returned ${JSON.stringify(got['sid'])}, not the message ${String(message['sid'])}`, followed)
  expectThat(got['body'] === message['body'], `fetching the message url returned body ${JSON.stringify(got['body'])}, not ${JSON.stringify(message['body'])}`, followed)
})
