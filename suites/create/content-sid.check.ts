import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectStoredNothing } from './stored-nothing.ts'

// A Content template that exists (the run's --content-sid, or made by the check where the target allows it:
// src/harness/references.ts), with valid ContentVariables: accepted, and returned as content_sid. Then a well-formed
// ContentSid that names no template: a server may refuse it (any 4xx, 404 included: the template is missing) or accept
// it, but a refusal must store nothing. The message with the template is read back through every view
// (src/harness/every-view.ts), each of which must show its content_sid.
check('msg.create.content-sid', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const template = await ctx.contentTemplate()
  const res = await messages.create({ ContentSid: template.sid, ContentVariables: JSON.stringify(template.variables) })
  expectAccepted(res, `a create with ContentSid ${template.sid} and valid ContentVariables`)
  const message = expectMessage(res, scope)
  expectThat(sameSid(message.content_sid, template.sid), `content_sid is ${JSON.stringify(message.content_sid)}, sent ContentSid ${template.sid}`, res)

  // Lower-case hex, as real SIDs are: a server may refuse an upper-case one for its pattern, which would judge nothing.
  const unknown = fc.sample(sid('HX'), { seed: config.seed, numRuns: 1 })[0]!.replace(/(?<=^..).*/, (hex) => hex.toLowerCase())
  const other = await messages.create({ ContentSid: unknown, ContentVariables: JSON.stringify(template.variables) })
  if (other.response.status >= 400 && other.response.status < 500) {
    await expectStoredNothing(ctx, other, `a create with ContentSid ${unknown}, which names no template,`, [message.sid])
    observe(`ContentSid of a template that does not exist: refused with ${other.response.status}, nothing stored`)
  } else {
    expectAccepted(other, `a create with ContentSid ${unknown} (which names no template), if not refused,`)
    observe('ContentSid of a template that does not exist: accepted (existence not checked)')
  }
  // The neighbour every view checks comes after the refusal was judged: it is no message a refused create stored.
  const views = await EveryView.begin(ctx)
  await views.afterWrite(message.sid, (m) => (sameSid(m['content_sid'], template.sid) ? undefined : `content_sid is ${JSON.stringify(m['content_sid'])}, sent ContentSid ${template.sid}`))
})
