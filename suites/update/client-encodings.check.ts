import { webhookValues } from '../create/webhook-header.ts'
import { check } from '../../src/harness/check.ts'
import { allOf, EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { CLIENT_ENCODINGS, describeEncoding, encodeAs, encodingProbe, expectSameFields } from '../create/encodings.ts'

// One message, edited once per way mainstream clients encode an update (the same encodings as
// msg.create.client-encodings: suites/create/encodings.ts). Each edit changes Body, Author and Attributes to new
// values, so an edit the server did not read as a form (and so applied nothing) shows as the values of the edit before.
check('msg.update.client-encodings', async (ctx) => {
  const { messages, scope, seedMessage, randomHex, config } = ctx
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'before any encoded edit' })
  const tag = randomHex(4)
  let before: string | null = seeded.body
  for (const [n, encoding] of CLIENT_ENCODINGS.entries()) {
    const sent = encodingProbe(tag, n)
    const { encoded, headers } = encodeAs(sent, encoding, webhookValues(config)[0]!)
    const res = await messages.updateEncoded(seeded.sid, encoded, headers)
    const what = `an update encoded as ${describeEncoding(encoding)}`
    expectAccepted(res, what)
    const message = expectMessage(res, scope)
    expectThat(message.sid === seeded.sid, `${what} answered with another message (${message.sid})`, res)
    expectThat(message.body !== before, `the update answered ${res.response.status} but changed nothing (body still ${JSON.stringify(before?.slice(0, 24))}…): the form was not read, after ${what}`, res)
    expectSameFields(message, sent, what, res)
    before = sent.Body
  }
  // The last edit, in every view.
  const last = encodingProbe(tag, CLIENT_ENCODINGS.length - 1)
  await views.afterWrite(seeded.sid, allOf(shows('body', last.Body), shows('author', last.Author)))
})
