import { check } from '../../src/harness/check.ts'
import { requireReal } from '../../src/harness/evidence-guards.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { messageViews } from '../../src/harness/views.ts'

// The account under test is the one the credentials belong to (--account-sid, also with an API key).
check('msg.representation.account-sid', async (ctx) => {
  const account = ctx.config.target.accountSid
  // A server that answers the examples' ACaaaa… would pass for an account that has that SID.
  requireReal(ctx, account, 'the account SID')
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'account probe' })) {
    const value = message['account_sid']
    expectThat(sameSid(value, account), `${where}: account_sid is ${JSON.stringify(value)}, not the account that made the request (${account})`, exchange)
  }
})
