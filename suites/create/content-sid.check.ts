import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectStoredNothing } from './stored-nothing.ts'

// A well-formed ContentSid that names no Content template (the suite cannot make one). A real account checks that the
// template exists and refuses it as invalid input, storing nothing (the list stays empty); a server that does not
// check must store it as content_sid.
check('msg.create.content-sid', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const contentSid = fc.sample(sid('HX'), { seed: config.seed, numRuns: 1 })[0]!
  const res = await messages.create({ ContentSid: contentSid, ContentVariables: '{"1":"conformance"}' })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, `ContentSid ${contentSid}`)
    await expectStoredNothing(ctx, res, `a create with ContentSid ${contentSid}`)
    observe(`ContentSid of a template that does not exist: refused with ${res.response.status} (the server checks that the template exists)`)
    return
  }
  expectAccepted(res)
  const message = expectMessage(res, scope)
  expectThat(sameSid(message.content_sid, contentSid), `content_sid is ${JSON.stringify(message.content_sid)}, sent ContentSid ${contentSid}`, res)
  observe('ContentSid of a template that does not exist: accepted and returned as content_sid (existence not checked)')
})
