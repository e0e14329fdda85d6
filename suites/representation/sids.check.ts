import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// The doc's patterns are ^XX[0-9a-fA-F]{32}$: either hex case is conformant, so only the shape is judged here
// (which account and conversation the SIDs name is msg.representation.account-sid and .conversation-sid).
const SIDS = { sid: 'IM', account_sid: 'AC', conversation_sid: 'CH' } as const

check('msg.representation.sids', async ({ messages, observe }) => {
  const views = await messageViews(messages, { Body: 'sids probe' })
  for (const { where, message, exchange } of views) {
    for (const [field, prefix] of Object.entries(SIDS)) {
      const value = message[field]
      const ok = typeof value === 'string' && new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value)
      expectThat(ok, `${where}: ${field} is ${JSON.stringify(value)}, expected "${prefix}" and 32 hex digits`, exchange)
    }
  }
  const sid = String(views[0]!.message['sid'])
  observe(`SID hex digits: ${/[A-F]/.test(sid.slice(2)) ? 'upper case' : 'lower case'}`)
})
