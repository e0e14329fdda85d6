import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// "The page token. This is provided by the API": a token the API never handed out names no page, and Twilio
// documents error 21481 "Invalid PageToken" for it. A server that answers such a token with a page (the first one,
// say) lets a client that mangled its next_page_url page through the wrong messages without noticing. Which 4xx
// and which code are the server's choice; the code is recorded.
check('msg.list.page-token-invalid', async (ctx) => {
  await ctx.seedMessage()
  for (const token of [ctx.randomHex(12), `PT-${ctx.randomHex(4)}`]) {
    const what = `PageToken=${JSON.stringify(token)}, which the API never provided,`
    const error = expectRejected(await ctx.messages.list({ PageSize: 1, PageToken: token }), what)
    ctx.observe(`PageToken=${JSON.stringify(token)}: refused with ${error.status} / ${error.code}`)
  }
})
