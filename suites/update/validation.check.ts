import { CHAT_BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectMessage, expectRejected, expectSameJson, expectStatus, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

// Each invalid update also carries a valid field, so a server that writes fields one by one before it has validated
// them all is caught: after both refusals the message must be exactly as seeded.
check('msg.update.validation', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'unchanged body', Attributes: '{"unchanged":true}' })
  views.keep(seeded)
  // Past 32 KiB: over the limit whichever one the target follows (the Message page's 1,600 or the chat limit).
  expectRejected(await messages.update(seeded.sid, { Body: 'x'.repeat(CHAT_BODY_LIMIT + 1), Attributes: '{"changed":true}' }), 'an update with a Body of 32,769 characters')
  expectRejected(await messages.update(seeded.sid, { Body: 'changed body', Attributes: '{"changed": true' }), 'an update with Attributes that are not JSON')
  const fetched = await messages.fetch(seeded.sid)
  expectStatus(fetched, 200)
  const now = expectMessage(fetched, scope)
  expectThat(now.body === 'unchanged body', `after two refused updates body is ${JSON.stringify(now.body)}`, fetched)
  expectSameJson(jsonValueOf(now.attributes), { unchanged: true }, 'after two refused updates attributes changed', fetched)
  // And so does every other view of it, and of its neighbour.
  await views.unchanged()
})
