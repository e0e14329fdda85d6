import { check } from '../../src/harness/check.ts'
import { expectEveryOperationRefused } from './refused.ts'

// The right user name with a token of the same length that differs in every character: a server that compares only
// the user name, a prefix or the length lets it through.
check('msg.auth.wrong-credentials', (ctx) => {
  const { username: accountSid, secret: authToken } = ctx.config.target
  const wrong = [...authToken].map((c) => (c === 'x' ? 'y' : 'x')).join('')
  return expectEveryOperationRefused(ctx, { username: accountSid, password: wrong }, 'the right user name and a wrong password')
})
