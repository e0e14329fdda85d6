import { check } from '../../src/harness/check.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'

check('msg.list.isolation', async (ctx) => {
  const mine = await ctx.seedMessage({ Body: 'in this conversation' })
  const other = await ctx.newConversation()
  const foreign = await ctx.seedMessage({ Body: 'in the other conversation' }, ctx.api.messages(other))
  const res = await listShowing(ctx, ctx.messages, { present: [mine.sid] })
  const page = expectPage(res, ctx.scope)
  const strangers = page.messages.filter((m) => m.sid === foreign.sid || m.conversation_sid !== ctx.conversation.sid)
  expectThat(strangers.length === 0, `the list shows ${strangers.length} message(s) of another conversation`, res)
  expectThat(page.messages.some((m) => m.sid === mine.sid), "the list does not show this conversation's own message", res)
})
