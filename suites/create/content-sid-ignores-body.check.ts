import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

const BODY = 'this Body must be ignored because a ContentSid is set'

// "If ContentSid is set, Body and MediaSid parameters are ignored." With a template and media that both exist (given to
// the run, or made by the check where the target allows: src/harness/references.ts), a create with ContentSid, a Body
// and a MediaSid is accepted, carries the template, and neither the Body nor the media: a server that honoured them
// would show both, since each names something real. Every view of the message (src/harness/every-view.ts) shows the
// same: the template, neither the Body nor the media.
check('msg.create.content-sid-ignores-body', async (ctx) => {
  const { messages, scope, observe, contentTemplate, media } = ctx
  const views = await EveryView.begin(ctx)
  const template = await contentTemplate()
  const attached = await media()
  const res = await messages.create({ ContentSid: template.sid, ContentVariables: JSON.stringify(template.variables), Body: BODY, MediaSid: attached.sid })
  expectAccepted(res, `a create with ContentSid ${template.sid}, a Body and MediaSid ${attached.sid}`)
  const message = expectMessage(res, scope)
  const ignored: Judge = (m) => {
    if (!sameSid(m['content_sid'], template.sid)) return `content_sid is ${JSON.stringify(m['content_sid'])}, sent ContentSid ${template.sid}`
    if (m['body'] === BODY) return 'body is the Body sent, although ContentSid was set and Body must be ignored'
    const media = m['media']
    const listed = Array.isArray(media) && media.some((x) => sameSid((x as { sid?: unknown } | null)?.sid, attached.sid))
    return listed ? `media lists MediaSid ${attached.sid}, although ContentSid was set and MediaSid must be ignored` : undefined
  }
  const problem = ignored(message as unknown as Record<string, unknown>)
  expectThat(problem === undefined, `${problem}`, res)
  observe(`with ContentSid: body ${message.body === null ? 'null' : JSON.stringify(message.body).slice(0, 60)}, media ${JSON.stringify(message.media)}`)
  await views.afterWrite(message.sid, ignored)
})
