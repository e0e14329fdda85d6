import { BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectSameJson, expectThat, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'

// The update's parameters have the create's rules ("can be up to 1,600 characters", "up to 256 characters", "any
// structurally valid JSON"), so update takes the same bounds: a Body of exactly 1,600 ASCII characters (1,600 however
// they are counted), a Subject of exactly 256 and Attributes that are a JSON array, not an object. The edit is read
// back from the update's answer and from a fetch (the schema has no subject, so only its acceptance shows).
check('msg.update.field-limits', async (ctx) => {
  const { messages, scope, seedMessage, randomHex } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'before an edit at the limits' })
  const tag = randomHex(4)
  const body = `${tag} ` + 'Ahoy! '.repeat(Math.ceil(BODY_LIMIT / 6)).slice(0, BODY_LIMIT - tag.length - 2) + '.'
  const subject = ('Ünïcødé subject – '.repeat(15) + 's'.repeat(256)).slice(0, 256)
  const attributes = JSON.stringify(['not an object', tag, 1600, { nested: true }])
  const res = await messages.update(seeded.sid, { Body: body, Subject: subject, Attributes: attributes })
  expectAccepted(res, 'an update with a Body of exactly 1,600 characters, a Subject of 256 and Attributes holding a JSON array is within every limit')
  const updated = expectMessage(res, scope)
  expectThat(updated.body === body, `the update answered body of ${updated.body?.length ?? 'null'} characters, sent 1,600`, res)
  expectSameJson(jsonValueOf(updated.attributes), JSON.parse(attributes), 'the update answered attributes that do not encode the JSON array sent', res)
  await views.afterWrite(seeded.sid, (m) =>
    m['body'] !== body ? `a body of ${String((m['body'] as string | null)?.length ?? 'null')} characters, sent 1,600`
    : firstDifference(jsonValueOf(m['attributes']), JSON.parse(attributes), '') !== undefined ? 'attributes that do not encode the JSON array sent'
    : undefined)
})
