import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { describeEncoding, encodeAs, encodingProbe, expectSameFields, MIXED_CASE } from '../create/encodings.ts'
import { webhookValues } from '../create/webhook-header.ts'

// The update's side of msg.create.content-type-case-insensitive (RFC 9110: a media type is case-insensitive; no Twilio
// page and no mainstream client relies on it, hence a should). The edit changes Body, Author and Attributes, so an
// update the server did not read as a form (and so applied nothing) shows as the seeded values.
check('msg.update.content-type-case-insensitive', async ({ config, messages, scope, seedMessage, randomHex }) => {
  const seeded = await seedMessage({ Body: 'before a mixed-case edit' })
  const sent = encodingProbe(randomHex(4), 0)
  const { encoded, headers } = encodeAs(sent, MIXED_CASE, webhookValues(config)[0]!)
  const res = await messages.updateEncoded(seeded.sid, encoded, headers)
  const what = `an update encoded as ${describeEncoding(MIXED_CASE)}`
  expectAccepted(res, what)
  const message = expectMessage(res, scope)
  expectThat(message.body !== seeded.body, `the update answered ${res.response.status} but changed nothing: the form was not read, after ${what}`, res)
  expectSameFields(message, sent, what, res)
})
