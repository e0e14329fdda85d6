import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectStoredNothing } from './stored-nothing.ts'

const BODY = 'this Body must be ignored because a ContentSid is set'

// "If ContentSid is set, Body and MediaSid parameters are ignored." Both SIDs are well-formed but name nothing: a real
// account refuses the unknown template as invalid input, and must then have stored nothing (the list stays empty);
// whether Body and MediaSid are ignored cannot be seen then (observed).
check('msg.create.content-sid-ignores-body', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const [contentSid, mediaSid] = fc.sample(fc.tuple(sid('HX'), sid('ME')), { seed: config.seed, numRuns: 1 })[0]!
  const res = await messages.create({ ContentSid: contentSid, ContentVariables: '{"1":"conformance"}', Body: BODY, MediaSid: mediaSid })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, `ContentSid ${contentSid}`)
    await expectStoredNothing(ctx, res, `a create with ContentSid ${contentSid}, a Body and MediaSid ${mediaSid}`)
    observe(`ContentSid of a template that does not exist: refused with ${res.response.status}, so whether Body and MediaSid are ignored cannot be seen`)
    return
  }
  expectAccepted(res)
  const message = expectMessage(res, scope)
  expectThat(message.body !== BODY, 'body is the Body sent, although ContentSid was set and Body must be ignored', res)
  const media: unknown = message.media
  const listed = Array.isArray(media) && media.some((m) => sameSid((m as { sid?: unknown } | null)?.sid, mediaSid))
  expectThat(!listed, `media lists MediaSid ${mediaSid}, although ContentSid was set and MediaSid must be ignored`, res)
  observe(`with ContentSid: body ${message.body === null ? 'null' : JSON.stringify(message.body).slice(0, 60)}, media ${JSON.stringify(media)}`)
})
