import fc from 'fast-check'
import { sid } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'
import { expectStoredNothing } from './stored-nothing.ts'

// A well-formed MediaSid that names no uploaded media (the suite has no Media Content Service to upload to). A real
// account checks that the media exists and refuses it as invalid input, storing nothing (the list stays empty); a
// server that does not check must attach it.
check('msg.create.media-sid', async (ctx) => {
  const { messages, scope, config, observe } = ctx
  const mediaSid = fc.sample(sid('ME'), { seed: config.seed, numRuns: 1 })[0]!
  const res = await messages.create({ Body: 'with media', MediaSid: mediaSid })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, `MediaSid ${mediaSid}`)
    await expectStoredNothing(ctx, res, `a create with MediaSid ${mediaSid}`)
    observe(`MediaSid of media that does not exist: refused with ${res.response.status} (the server checks that media exists)`)
    return
  }
  expectAccepted(res)
  const message = expectMessage(res, scope)
  const media: unknown = message.media
  expectThat(Array.isArray(media), `media is ${JSON.stringify(media)}, expected a list holding MediaSid ${mediaSid}`, res)
  const item = (media as unknown[]).find((m) => sameSid((m as { sid?: unknown } | null)?.sid, mediaSid)) as Record<string, unknown> | undefined
  expectThat(item !== undefined, `media ${JSON.stringify(media).slice(0, 200)} does not list MediaSid ${mediaSid}`, res)
  expectThat(typeof item['content_type'] === 'string', `the media item has content_type ${JSON.stringify(item['content_type'])}, expected a string`, res)
  expectThat('filename' in item && (item['filename'] === null || typeof item['filename'] === 'string'), `the media item has filename ${JSON.stringify(item['filename'])}, expected a string or null`, res)
  const size = item['size']
  expectThat(typeof size === 'number' && Number.isInteger(size) && size >= 0, `the media item has size ${JSON.stringify(size)}, expected a byte count`, res)
  observe('MediaSid of media that does not exist: accepted and listed in media (existence not checked)')
})
