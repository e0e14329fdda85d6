import { BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { fetchShowingBody } from '../../src/harness/reads.ts'
import { expectAccepted, expectMessage, expectRejected, expectSameJson, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

// The update's parameters have the create's rules ("can be up to 1,600 characters", "up to 256 characters"), so
// update takes the same bounds: a Body of exactly 1,600 ASCII characters (1,600 however they are counted) and a Subject
// of exactly 256, read back from the update's answer and from a fetch (the schema has no subject, so only its
// acceptance shows). Attributes holding a JSON array are a separate edit: the Message page allows "structurally valid
// JSON", the Attributes page "a JSON object", so the array is read back as sent or refused, changing nothing; a refusal
// of it never fails the Body and Subject bounds. Which reading the target chose is recorded.
check('msg.update.field-limits', async (ctx) => {
  const { messages, scope, seedMessage, randomHex } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'before an edit at the limits', Attributes: '{"before":true}' })
  const tag = randomHex(4)
  const body = `${tag} ` + 'Ahoy! '.repeat(Math.ceil(BODY_LIMIT / 6)).slice(0, BODY_LIMIT - tag.length - 2) + '.'
  const subject = ('Ünïcødé subject – '.repeat(15) + 's'.repeat(256)).slice(0, 256)
  const res = await messages.update(seeded.sid, { Body: body, Subject: subject })
  expectAccepted(res, 'an update with a Body of exactly 1,600 characters and a Subject of 256 is within every limit')
  const updated = expectMessage(res, scope)
  expectThat(updated.body === body, `the update answered body of ${updated.body?.length ?? 'null'} characters, sent 1,600`, res)
  // Every view shows the edit at the limits before the Attributes edit is tried.
  await views.afterWrite(seeded.sid, (m) => (m['body'] !== body ? `a body of ${String((m['body'] as string | null)?.length ?? 'null')} characters, sent 1,600` : undefined))

  const attributes = JSON.stringify(['not an object', tag, 1600, { nested: true }])
  const edit = `${tag}: Attributes as a JSON array`
  const withArray = await messages.update(seeded.sid, { Body: edit, Attributes: attributes })
  if (withArray.response.status >= 400 && withArray.response.status < 500) {
    expectRejected(withArray, 'an update with Attributes holding a JSON array')
    const after = await fetchShowingBody(ctx, messages, seeded.sid, body)
    const now = expectMessage(after, scope)
    expectThat(now.body === body, `an update with Attributes holding a JSON array was refused, yet the body is now ${JSON.stringify(now.body?.slice(0, 40))}`, after)
    expectSameJson(jsonValueOf(now.attributes), { before: true }, 'an update with Attributes holding a JSON array was refused, yet attributes changed', after)
    ctx.reading('update-attributes-array', `refused with ${withArray.response.status}`)
    return
  }
  expectAccepted(withArray, 'an update with Attributes holding a JSON array is read back as sent or refused as a validation error')
  expectSameJson(jsonValueOf(expectMessage(withArray, scope).attributes), JSON.parse(attributes), 'the update answered attributes that do not encode the JSON array sent', withArray)
  const read = await fetchShowingBody(ctx, messages, seeded.sid, edit)
  expectSameJson(jsonValueOf(expectMessage(read, scope).attributes), JSON.parse(attributes), 'a fetch after the update shows attributes that do not encode the JSON array sent', read)
  ctx.reading('update-attributes-array', 'stored as sent')
})
