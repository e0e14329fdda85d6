import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { messageViews } from '../../src/harness/views.ts'

/** The account SID of the doc's examples: a server that answers with it would pass for an account that has it. */
const DOC_EXAMPLE_ACCOUNT = 'AC' + 'a'.repeat(32)

// The account under test is the one the credentials belong to (--account-sid, also with an API key).
check('msg.representation.account-sid', async (ctx) => {
  const account = ctx.config.target.accountSid
  if (sameSid(account, DOC_EXAMPLE_ACCOUNT)) {
    ctx.notJudged("the account SID is the doc examples' placeholder ACaaaa…, so an echo of the examples cannot be told from the right answer")
  }
  for (const { where, message, exchange } of await messageViews(ctx, { Body: 'account probe' })) {
    const value = message['account_sid']
    expectThat(sameSid(value, account), `${where}: account_sid is ${JSON.stringify(value)}, not the account that made the request (${account})`, exchange)
  }
})
