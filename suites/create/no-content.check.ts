import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// A message must carry something: a Body, media or a Content template. Twilio refuses a create with none of them
// (error 50503 "Message body not provided"). The create still gives other fields, so it is not refused for being
// empty of parameters altogether; which 4xx and which code is the server's choice.
check('msg.create.no-content', async ({ messages, randomHex }) => {
  const res = await messages.create({ Author: `author-${randomHex(4)}`, Attributes: '{"content":"none"}' })
  expectRejected(res, 'a create with Author and Attributes but no Body, MediaSid or ContentSid')
})
