import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.account-sid', async (ctx) => {
  const { config, observe } = ctx
  const views = await messageViews(ctx, { Body: 'account probe' })
  const user = config.target.accountSid
  // With an API key (SK…) as the Basic user name, the account behind it is not known to the suite: nothing to compare.
  if (!user.startsWith('AC')) {
    observe(`authenticated as ${user.slice(0, 2)}… (not an Account SID): account_sid ${JSON.stringify(views[0]!.message['account_sid'])} not compared`)
    return
  }
  for (const { where, message, exchange } of views) {
    const value = message['account_sid']
    expectThat(sameSid(value, user), `${where}: account_sid is ${JSON.stringify(value)}, not the account that made the request (${user})`, exchange)
  }
})
