import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { allOf, EveryView, shows } from '../../src/harness/every-view.ts'
import { expectMessage, expectSameJson, expectStatus, expectThat, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'

// An edit of Body and Attributes, read back through every view (src/harness/every-view.ts): the change is applied to
// the message, not to one view of it. Then an edit to each input class of Body (white space, line endings, NFD,
// astral), which must be stored as sent, byte for byte.
check('msg.update.applies-changes', async (ctx) => {
  const { messages, scope, seedMessage } = ctx
  const views = await EveryView.begin(ctx)
  const created = await seedMessage({ Body: 'before the edit' })
  const res = await messages.update(created.sid, { Body: 'after the edit', Attributes: '{"edited":true}' })
  expectStatus(res, 200)
  const updated = expectMessage(res, scope)
  expectThat(updated.sid === created.sid, `update answered with another message (${updated.sid})`, res)
  expectThat(updated.body === 'after the edit', `body is ${JSON.stringify(updated.body)}, expected "after the edit"`, res)
  // attributes is a string of JSON; a server may re-serialise it, so compare the values it encodes. Whatever came
  // back (an object, text that is no JSON) is named as it came, not as the parser's complaint about it.
  expectSameJson(jsonValueOf(updated.attributes), { edited: true }, `attributes were not updated (the update answered attributes ${JSON.stringify(updated.attributes)})`, res)
  const edited = (m: Record<string, unknown>) => (firstDifference(jsonValueOf(m['attributes']), { edited: true }, '') === undefined ? undefined : `attributes are ${JSON.stringify(m['attributes'])}, not the edited {"edited":true}`)
  views.wrote(created.sid, allOf(shows('body', 'after the edit'), edited))
  // One message per class, so one reading of every view serves all the edits.
  for (const { cls, value } of triedValues('msg.update.applies-changes', 'Body')) {
    const other = await seedMessage({ Body: `before an edit to a Body of the class "${cls}"` })
    const again = await messages.update(other.sid, { Body: value })
    expectStatus(again, 200, `an edit to a Body of the class "${cls}"`)
    expectThat(expectMessage(again, scope).body === value, `body is ${JSON.stringify(expectMessage(again, scope).body)} after an edit to ${JSON.stringify(value)} (${cls})`, again)
    views.wrote(other.sid, shows('body', value))
  }
  await views.verify()
})
