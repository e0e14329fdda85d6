import { check } from '../../src/harness/check.ts'
import { expectThat, sameSid } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.account-sid', async ({ messages, config, observe }) => {
  const views = await messageViews(messages, { Body: 'account probe' })
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
