import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

// A page token is used only where the API handed it out. Taken from this conversation's list (its next_page_url, in
// pages of 1) and sent to another conversation's list, it may be refused or read as a place in that list, but the
// answer must never show this conversation's messages.
check('msg.list.page-token-foreign', async (ctx) => {
  const mine = await seedMessages(ctx, 3, 'the conversation the token comes from')
  const other = ctx.api.messages(await ctx.newConversation())
  const theirs = await seedMessages(ctx, 3, 'the conversation the token is used on', other)
  // seedMessages waited until the list shows all three.
  const first = await ctx.messages.list({ PageSize: 1 })
  const next = (first.json as { meta?: { next_page_url?: unknown } } | undefined)?.meta?.next_page_url
  if (first.response.status !== 200 || typeof next !== 'string') throw new SetupFailure('the first page of 1 of a conversation of 3 messages hands out no next_page_url to take a token from', first)
  const token = new URL(next, 'https://target.invalid').searchParams.get('PageToken')
  if (token === null) {
    return ctx.notJudged(`the next_page_url ${next} carries no PageToken (the API pages otherwise), so there is no token to carry to another list`)
  }
  const foreign = await other.list({ PageSize: 1, PageToken: token })
  const items = (foreign.json as { messages?: unknown } | undefined)?.messages
  const leaked = Array.isArray(items) ? items.filter((m) => mine.some((own) => sameSid((m as { sid?: unknown } | null)?.sid, own.sid))) : []
  expectThat(leaked.length === 0, `another conversation's list, given this conversation's PageToken ${token}, shows this conversation's message(s) ${leaked.map((m) => (m as { sid: string }).sid).join(', ')}`, foreign)
  if (foreign.response.status === 200) {
    const strangers = Array.isArray(items) ? items.filter((m) => !theirs.some((own) => sameSid((m as { sid?: unknown } | null)?.sid, own.sid))) : []
    expectThat(strangers.length === 0, `another conversation's list, given this conversation's PageToken ${token}, shows messages that are not its own`, foreign)
    ctx.observe(`a PageToken from another conversation's list: answered 200 with ${Array.isArray(items) ? items.length : 0} of its own messages`)
  } else ctx.observe(`a PageToken from another conversation's list: answered ${foreign.response.status}`)
})
