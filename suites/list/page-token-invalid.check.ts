import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// "The page token. This is provided by the API": a token the API never handed out names no page, and Twilio documents
// error 21481 "Invalid PageToken" for it. A server that answers such a token with a page (the first one, say) lets a
// client that mangled its next_page_url page through the wrong messages without noticing. Which 4xx and which code are
// the server's choice; the code is recorded.
// Each token is unissued under every reading of a token: it holds "!" and "~", which neither the PT<index> tokens seen
// in Twilio's URLs, nor their opaque base64 kind, nor Conversations' PTclosed_<date>_<SID> kind ever hold, so even a
// lenient parser of PT<n> never reads one as a page (a random PT-<hex> could be all digits, a well-formed PT<n>).
check('msg.list.page-token-invalid', async (ctx) => {
  await ctx.seedMessage()
  for (const token of [`~${ctx.randomHex(12)}!`, `PT!${ctx.randomHex(4)}~`]) {
    const what = `PageToken=${JSON.stringify(token)}, which the API never provided,`
    const error = expectRejected(await ctx.messages.list({ PageSize: 1, PageToken: token }), what)
    ctx.reading(`page-token ${token}`, `refused with ${error.status} / ${error.code}`)
  }
})
