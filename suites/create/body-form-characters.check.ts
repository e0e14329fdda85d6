import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectStatus, expectThat } from '../../src/harness/verify.ts'

// Every form metacharacter at once: a literal %, an escape-looking %25 and %zz, + (a space only when encoded as +),
// & and = (parameter separators), a whole query string, and a line break. Sent form-encoded, it must be decoded once.
const BODY = '100% sure: %25 is not %, 1+1=2 & a=b&c=d\nnext line %zz + end'

check('msg.create.body-form-characters', async ({ messages, scope }) => {
  const created = await messages.create({ Body: BODY })
  expectAccepted(created)
  const message = expectMessage(created, scope)
  expectThat(message.body === BODY, `create returned body ${JSON.stringify(message.body)}, sent ${JSON.stringify(BODY)}`, created)
  const fetched = await messages.fetch(message.sid)
  expectStatus(fetched, 200)
  const again = expectMessage(fetched, scope)
  expectThat(again.body === BODY, `a fetch returned body ${JSON.stringify(again.body)}, sent ${JSON.stringify(BODY)}`, fetched)
})
