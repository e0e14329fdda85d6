import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import type { MessageParams } from '../../src/client/api.ts'
import type { Exchange } from '../../src/client/exchange.ts'
import { check } from '../../src/harness/check.ts'
import { describe, expectAccepted, expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectStoredNothing } from './stored-nothing.ts'

const refused = (ex: Exchange): boolean => ex.response.status >= 400 && ex.response.status < 500

// A well-formed MediaSid that names no uploaded media (the suite has no Media Content Service to upload to), sent twice:
// with a Body, and without one (Body is optional: a message may be media alone). A real account checks that the media
// exists and refuses both as invalid input, storing nothing (the list stays empty); then whether a create without Body
// is accepted cannot be seen, and that is observed. A server that does not check must attach the media to both, and
// the one without Body has body null: whether it refuses the create can depend on the MediaSid, never on the Body.
check('msg.create.media-sid', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const mediaSid = fc.sample(sid('ME'), { seed: config.seed, numRuns: 1 })[0]!
  const probes: Array<[string, MessageParams]> = [
    [`a create with Body and MediaSid ${mediaSid}`, { Body: 'with media', MediaSid: mediaSid }],
    [`a create with MediaSid ${mediaSid} and no Body`, { MediaSid: mediaSid }],
  ]
  const answers: Exchange[] = []
  for (const [, params] of probes) answers.push(await messages.create(params))
  const [withBody, withoutBody] = answers as [Exchange, Exchange]
  if (refused(withBody) && refused(withoutBody)) {
    for (const [i, [what]] of probes.entries()) expectRejected(answers[i]!, what)
    await expectStoredNothing(ctx, withoutBody, `a create with MediaSid ${mediaSid}, with and without Body,`)
    observe(`MediaSid of media that does not exist: refused with ${withBody.response.status} (the server checks that media exists); whether a create without Body is accepted is not seen`)
    return
  }
  expectThat(!refused(withoutBody), `a create with MediaSid ${mediaSid} and no Body was refused, though the same MediaSid with a Body was not (${describe(withBody)}): Body is optional`, withoutBody)
  expectThat(!refused(withBody), `a create with MediaSid ${mediaSid} and a Body was refused, though the same MediaSid without Body was not (${describe(withoutBody)})`, withBody)
  for (const [i, [what]] of probes.entries()) {
    const res = answers[i]!
    expectAccepted(res, what)
    const message = expectMessage(res, scope)
    const media: unknown = message.media
    expectThat(Array.isArray(media), `${what}: media is ${JSON.stringify(media)}, expected a list holding MediaSid ${mediaSid}`, res)
    const item = (media as unknown[]).find((m) => sameSid((m as { sid?: unknown } | null)?.sid, mediaSid)) as Record<string, unknown> | undefined
    expectThat(item !== undefined, `${what}: media ${JSON.stringify(media).slice(0, 200)} does not list MediaSid ${mediaSid}`, res)
    expectThat(typeof item['content_type'] === 'string', `${what}: the media item has content_type ${JSON.stringify(item['content_type'])}, expected a string`, res)
    expectThat('filename' in item && (item['filename'] === null || typeof item['filename'] === 'string'), `${what}: the media item has filename ${JSON.stringify(item['filename'])}, expected a string or null`, res)
    const size = item['size']
    expectThat(typeof size === 'number' && Number.isInteger(size) && size >= 0, `${what}: the media item has size ${JSON.stringify(size)}, expected a byte count`, res)
  }
  const bodiless = expectMessage(withoutBody, scope)
  expectThat(bodiless.body === null || bodiless.body === undefined, `a create with MediaSid and no Body answered body ${JSON.stringify(bodiless.body)}, expected null`, withoutBody)
  observe('MediaSid of media that does not exist: accepted and listed in media, with and without a Body (existence not checked)')
})
