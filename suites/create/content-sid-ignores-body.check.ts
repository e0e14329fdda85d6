import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

const BODY = 'this Body must be ignored because a ContentSid is set'

// "If ContentSid is set, Body and MediaSid parameters are ignored." With a template and media that both exist (given to
// the run, or made by the check where the target allows: src/harness/references.ts), a create with ContentSid, a Body
// and a MediaSid is accepted, carries the template, and neither the Body nor the media: a server that honoured them
// would show both, since each names something real.
check('msg.create.content-sid-ignores-body', async ({ messages, scope, observe, contentTemplate, media }) => {
  const template = await contentTemplate()
  const attached = await media()
  const res = await messages.create({ ContentSid: template.sid, ContentVariables: JSON.stringify(template.variables), Body: BODY, MediaSid: attached.sid })
  expectAccepted(res, `a create with ContentSid ${template.sid}, a Body and MediaSid ${attached.sid}`)
  const message = expectMessage(res, scope)
  expectThat(sameSid(message.content_sid, template.sid), `content_sid is ${JSON.stringify(message.content_sid)}, sent ContentSid ${template.sid}`, res)
  expectThat(message.body !== BODY, 'body is the Body sent, although ContentSid was set and Body must be ignored', res)
  const listed = Array.isArray(message.media) && message.media.some((m) => sameSid((m as { sid?: unknown } | null)?.sid, attached.sid))
  expectThat(!listed, `media lists MediaSid ${attached.sid}, although ContentSid was set and MediaSid must be ignored`, res)
  observe(`with ContentSid: body ${message.body === null ? 'null' : JSON.stringify(message.body).slice(0, 60)}, media ${JSON.stringify(message.media)}`)
})
