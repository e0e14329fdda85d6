import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'
import { describeEncoding, encodeAs, encodingProbe, expectSameFields, MIXED_CASE } from './encodings.ts'
import { webhookValues } from './webhook-header.ts'

// RFC 9110 makes a media type and its parameter names case-insensitive, so Application/X-WWW-Form-Urlencoded;
// Charset=utf-8 is the form type. No mainstream client writes it so and no Twilio page says the API reads it, so this
// is a should: a hand-written client learns whether it must write the media type in lower case. The create must store
// exactly the Body, Author and Attributes sent, as a plain request would.
check('msg.create.content-type-case-insensitive', async ({ config, messages, scope, randomHex }) => {
  const sent = encodingProbe(randomHex(4), 0)
  const { encoded, headers } = encodeAs(sent, MIXED_CASE, webhookValues(config)[0]!)
  const res = await messages.createEncoded(encoded, headers)
  const what = `a create encoded as ${describeEncoding(MIXED_CASE)}`
  expectAccepted(res, what)
  expectSameFields(expectMessage(res, scope), sent, what, res)
})
