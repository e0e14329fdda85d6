import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import type { MessageParams } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'
import type { MessageResource } from '../../src/client/resources.ts'
import { sameSid } from '../../src/schemas/formats.ts'

/** Whether a message shows the media or template an update tried to give it. */
function gained(message: MessageResource, mediaSid: string, contentSid: string): string | undefined {
  const media: unknown = message.media
  if (Array.isArray(media) && media.some((m) => sameSid((m as { sid?: unknown } | null)?.sid, mediaSid))) return `media lists ${mediaSid}`
  if (sameSid(message.content_sid, contentSid)) return `content_sid is ${contentSid}`
  return undefined
}

// MediaSid and ContentSid are create-only: the update's parameters are Author, Body, DateCreated, DateUpdated,
// Attributes and Subject. Sent to update (each with a Body, so the edit means something) they are ignored or the update
// is refused as invalid input: either is allowed (observed), but the message must never gain the media or the template.
// A fetch after both (once it shows the last edit that was accepted) shows the message as stored.
check('msg.update.create-only-fields', async (ctx) => {
  const { messages, scope, seedMessage, config, observe } = ctx
  const [mediaSid, contentSid] = fc.sample(fc.tuple(sid('ME'), sid('HX')), { seed: config.seed, numRuns: 1 })[0]!
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'a message without media or template' })
  const attempts: Array<[string, MessageParams]> = [
    [`MediaSid ${mediaSid}`, { Body: 'edited, with a MediaSid', MediaSid: mediaSid }],
    [`ContentSid ${contentSid}`, { Body: 'edited, with a ContentSid', ContentSid: contentSid, ContentVariables: '{"1":"x"}' }],
  ]
  let body = seeded.body
  for (const [what, params] of attempts) {
    const res = await messages.update(seeded.sid, params)
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, `an update with ${what} (create-only)`)
      observe(`update with ${what}: refused with ${res.response.status}`)
      continue
    }
    expectAccepted(res, `an update with ${what} is either refused as invalid input or applied without it`)
    const message = expectMessage(res, scope)
    const wrong = gained(message, mediaSid, contentSid)
    expectThat(wrong === undefined, `after an update with ${what}, a create-only parameter, ${wrong}: update must ignore it or refuse the update`, res)
    observe(`update with ${what}: accepted, the parameter ignored`)
    body = params.Body ?? body
  }
  // Every view of the message, once it shows the last edit that was accepted, shows the message as stored.
  await views.afterWrite(seeded.sid, (m) => {
    if (m['body'] !== body) return `body is ${JSON.stringify(m['body'])}, not the last edit accepted (${JSON.stringify(body)})`
    const wrong = gained(m as MessageResource, mediaSid, contentSid)
    return wrong === undefined ? undefined : `after updates with MediaSid and ContentSid it shows ${wrong}: update must never attach media or a template`
  })
})
