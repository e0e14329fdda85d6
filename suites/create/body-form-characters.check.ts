import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// Every form metacharacter at once: a literal %, an escape-looking %25 and %zz, + (a space only when encoded as +),
// & and = (parameter separators), a whole query string, and a line break. Sent form-encoded, it must be decoded once.
const BODY = '100% sure: %25 is not %, 1+1=2 & a=b&c=d\nnext line %zz + end'

check('msg.create.body-form-characters', async (ctx) => {
  const { messages, scope } = ctx
  const views = await EveryView.begin(ctx)
  const created = await messages.create({ Body: BODY })
  expectAccepted(created)
  const message = expectMessage(created, scope)
  expectThat(message.body === BODY, `create returned body ${JSON.stringify(message.body)}, sent ${JSON.stringify(BODY)}`, created)
  await views.afterWrite(message.sid, shows('body', BODY))
})
