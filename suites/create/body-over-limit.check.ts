import { BODY_LIMIT, CHAT_BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectRejected } from '../../src/harness/verify.ts'

// The Message page's limit, one character past it (the boundary a `>` / `>=` mix-up gets wrong), in one- and
// three-byte characters. A target that takes 1,601 characters applies the chat limit of the Conversations limits page
// instead ("Chat: 32KB"): then a Body well inside 32 KiB is accepted and one past 32 KiB (ASCII, so over it by any
// counting: bytes, code points, UTF-16 units) is refused. Both readings are conformant; which one is observed.
// Which 4xx and which code is the server's choice; that nothing was stored is msg.create.rejected-leaves-nothing.
check('msg.create.body-over-limit', async ({ messages, reading }) => {
  const justOver = await messages.create({ Body: 'x'.repeat(BODY_LIMIT + 1) })
  if (justOver.response.status >= 400 && justOver.response.status < 500) {
    expectRejected(justOver, 'a Body of 1,601 characters')
    expectRejected(await messages.create({ Body: '日'.repeat(BODY_LIMIT + 1) }), 'a Body of 1,601 three-byte characters')
    reading('body-limit', '1,600 characters (the Message page)')
    return
  }
  expectAccepted(justOver, 'a Body of 1,601 characters is either refused (the Message page: 1,600) or accepted (the chat limit: 32 KiB)')
  expectAccepted(await messages.create({ Body: 'x'.repeat(30_000) }), 'a target that takes 1,601 characters follows the chat limit (32KB), so it must take 30,000 ASCII characters')
  expectRejected(await messages.create({ Body: 'x'.repeat(CHAT_BODY_LIMIT + 1) }), 'a Body of 32,769 characters (over the chat limit of 32 KiB)')
  reading('body-limit', 'the chat limit of the Conversations limits page (1,601 and 30,000 characters accepted, 32,769 refused)')
})
