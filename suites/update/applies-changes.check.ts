import { check } from '../../src/harness/check.ts'
import { fetchShowingBody, listShowing } from '../../src/harness/reads.ts'
import { expectMessage, expectPage, expectSameJson, expectStatus, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

check('msg.update.applies-changes', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const created = await seedMessage({ Body: 'before the edit' })
  const res = await messages.update(created.sid, { Body: 'after the edit', Attributes: '{"edited":true}' })
  expectStatus(res, 200)
  const updated = expectMessage(res, scope)
  expectThat(updated.sid === created.sid, `update answered with another message (${updated.sid})`, res)
  expectThat(updated.body === 'after the edit', `body is ${JSON.stringify(updated.body)}, expected "after the edit"`, res)
  // attributes is a string of JSON; a server may re-serialise it, so compare the values it encodes. Whatever came
  // back (an object, text that is no JSON) is named as it came, not as the parser's complaint about it.
  expectSameJson(jsonValueOf(updated.attributes), { edited: true }, `attributes were not updated (the update answered attributes ${JSON.stringify(updated.attributes)})`, res)
  const fetched = await fetchShowingBody(ctx, messages, created.sid, 'after the edit')
  expectThat(expectMessage(fetched, scope).body === 'after the edit', 'a fetch after the update does not show the new body', fetched)
  // The change is applied to the message, not to one view of it: the list must show it too.
  const listed = await listShowing(ctx, messages, { bodies: { [created.sid]: 'after the edit' } })
  const item = expectPage(listed, scope).messages.find((m) => m.sid === created.sid)
  expectThat(item?.body === 'after the edit', `the list after the update shows body ${JSON.stringify(item?.body)}, not the new one`, listed)
})
