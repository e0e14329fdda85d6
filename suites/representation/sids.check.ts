import { check } from '../../src/harness/check.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { messageViews } from '../../src/harness/views.ts'

// The doc's patterns are ^XX[0-9a-fA-F]{32}$: either hex case is conformant, so only the shape is judged here
// (which account and conversation the SIDs name is msg.representation.account-sid and .conversation-sid).
check('msg.representation.sids', async (ctx) => {
  const views = await messageViews(ctx, { Body: 'sids probe' })
  for (const view of views) expectMessageRule('msg.representation.sids', view)
  const sid = String(views[0]!.message['sid'])
  ctx.reading('sid-hex-case', /[A-F]/.test(sid.slice(2)) ? 'upper case' : 'lower case')
})
