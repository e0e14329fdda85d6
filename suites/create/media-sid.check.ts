import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import type { MessageParams } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import type { MediaRef } from '../../src/harness/references.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectStoredNothing } from './stored-nothing.ts'

// Media that exists (the run's --media-sid, or uploaded by the check where the target allows it: src/harness/references.ts),
// attached twice: with a Body, and without one (Body is optional: a message may be media alone). Each answer's media
// must list an object with the fields the page names (content_type, filename, sid, size), and, for media this check
// uploaded, their values: the type and byte count sent, the name the Media resource gave. The message without Body has
// body null. Then a well-formed MediaSid that names nothing: a server may refuse it (any 4xx, 404 included: the media
// is missing) or accept it, but a refusal must store nothing.
check('msg.create.media-sid', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const media = await ctx.media()
  const probes: Array<[string, MessageParams]> = [
    [`a create with Body and MediaSid ${media.sid}`, { Body: 'with media', MediaSid: media.sid }],
    [`a create with MediaSid ${media.sid} and no Body`, { MediaSid: media.sid }],
  ]
  const accepted: string[] = []
  for (const [what, params] of probes) {
    const res = await messages.create(params)
    expectAccepted(res, what)
    const message = expectMessage(res, scope)
    accepted.push(message.sid)
    const problem = mediaProblem(message.media, media)
    expectThat(problem === undefined, `${what}: ${problem}`, res)
    if (params.Body === undefined) expectThat(message.body === null, `${what} answered body ${JSON.stringify(message.body)}, expected null (no Body was given)`, res)
  }
  observe(media.uploaded ? `media uploaded by the check (${media.uploaded.contentType}, ${media.uploaded.size} bytes, filename ${JSON.stringify(media.uploaded.filename)}): listed with those values` : `media ${media.sid} given to the run: listed, its values not compared (the check did not upload it)`)

  // Lower-case hex, as real SIDs are: a server may refuse an upper-case one for its pattern, which would judge nothing.
  const unknown = fc.sample(sid('ME'), { seed: config.seed, numRuns: 1 })[0]!.replace(/(?<=^..).*/, (hex) => hex.toLowerCase())
  const res = await messages.create({ Body: 'with media that does not exist', MediaSid: unknown })
  if (res.response.status >= 400 && res.response.status < 500) {
    await expectStoredNothing(ctx, res, `a create with MediaSid ${unknown}, which names no media,`, accepted)
    observe(`MediaSid of media that does not exist: refused with ${res.response.status}, nothing stored`)
  } else {
    expectAccepted(res, `a create with MediaSid ${unknown} (which names no media), if not refused,`)
    observe('MediaSid of media that does not exist: accepted (existence not checked)')
  }
  // Every view of both messages shows the media (and null body without Body). The neighbour every view checks comes
  // after the refusal was judged: it is no message a refused create stored.
  const views = await EveryView.begin(ctx)
  probes.forEach(([, params], i) => views.wrote(accepted[i]!, showsMedia(media, params.Body === undefined)))
  await views.verify()
})

/** Why `media` does not list `ref` with content_type, filename, sid and size (and, for uploaded media, their values), or undefined. */
function mediaProblem(media: unknown, ref: MediaRef): string | undefined {
  if (!Array.isArray(media)) return `media is ${JSON.stringify(media)}, expected a list holding MediaSid ${ref.sid}`
  const item = media.find((m) => sameSid((m as { sid?: unknown } | null)?.sid, ref.sid)) as Record<string, unknown> | undefined
  if (item === undefined) return `media ${JSON.stringify(media).slice(0, 200)} does not list MediaSid ${ref.sid}`
  const contentType = item['content_type']
  const size = item['size']
  if (typeof contentType !== 'string' || contentType === '') return `the media object has content_type ${JSON.stringify(contentType)}, expected the media's MIME type`
  if (!('filename' in item && (item['filename'] === null || typeof item['filename'] === 'string'))) return `the media object has ${'filename' in item ? `filename ${JSON.stringify(item['filename'])}` : 'no filename'}, expected the media's name`
  if (!(typeof size === 'number' && Number.isInteger(size) && size >= 0)) return `the media object has size ${JSON.stringify(size)}, expected a byte count`
  const sent = ref.uploaded
  if (sent === undefined) return undefined
  // A server may add parameters to the type (text/plain; charset=utf-8): the media type itself is compared.
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  if (mediaType !== sent.contentType) return `the media object has content_type ${JSON.stringify(contentType)}, but the media was uploaded as ${sent.contentType}`
  if (size !== sent.size) return `the media object has size ${JSON.stringify(size)}, but the media uploaded was ${sent.size} bytes`
  if (sent.filename !== null && item['filename'] !== sent.filename) return `the media object has filename ${JSON.stringify(item['filename'])}, but the media resource is named ${JSON.stringify(sent.filename)}`
  return undefined
}

/** What a message with `ref` attached (and, when `bodyless`, no Body) must show in every view. */
const showsMedia =
  (ref: MediaRef, bodyless: boolean): Judge =>
  (m) =>
    mediaProblem(m['media'], ref) ?? (bodyless && m['body'] !== null ? `body is ${JSON.stringify(m['body'])}, expected null (no Body was given)` : undefined)
