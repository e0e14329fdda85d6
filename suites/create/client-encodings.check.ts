import { webhookValues } from './webhook-header.ts'
import { check } from '../../src/harness/check.ts'
import { allOf, EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'
import { CLIENT_ENCODINGS, describeEncoding, encodeAs, encodingProbe, expectSameFields } from './encodings.ts'

// One create per way mainstream clients encode it (twilio-node, twilio-python, twilio-java, curl, a browser fetch,
// jQuery): the Content-Type with and without a charset parameter, a space as + or %20, the
// parameters in another order, the webhook header's name in another case (suites/create/encodings.ts says where each
// comes from). Each must store exactly the Body, Author and Attributes sent, as a plain request would.
check('msg.create.client-encodings', async (ctx) => {
  const { messages, scope, randomHex, config } = ctx
  const views = await EveryView.begin(ctx)
  const tag = randomHex(4)
  for (const [n, encoding] of CLIENT_ENCODINGS.entries()) {
    const sent = encodingProbe(tag, n)
    const { encoded, headers } = encodeAs(sent, encoding, webhookValues(config)[0]!)
    const res = await messages.createEncoded(encoded, headers)
    const what = `a create encoded as ${describeEncoding(encoding)}`
    expectAccepted(res, what)
    expectSameFields(expectMessage(res, scope), sent, what, res)
    views.wrote(expectMessage(res, scope).sid, allOf(shows('body', sent.Body), shows('author', sent.Author)))
  }
  await views.verify()
})
