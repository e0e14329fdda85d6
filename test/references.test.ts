import { describe, expect, test } from 'vitest'
import type { ConversationsApi } from '../src/client/api.ts'
import { CouldNotJudge } from '../src/client/errors.ts'
import { mediaFor, templateFor } from '../src/harness/references.ts'
import type { SuiteConfig } from '../src/run/config.ts'

// What the media and template checks work with (src/harness/references.ts). Against twilio.com nothing is made: the
// Media and Content APIs are on other origins, where the run sends no credentials. The api here throws if touched.
const untouchable = new Proxy({}, { get: () => () => { throw new Error('no request may be made') } }) as unknown as ConversationsApi
const config = (baseUrl: string, extra: Partial<SuiteConfig> = {}): SuiteConfig =>
  ({ target: { baseUrl, accountSid: 'AC', username: 'AC', secret: 's', timeoutMs: 1000 }, profile: 'live', seed: 1, embedded: false, runId: 'r', settleMs: 0, ...extra }) as SuiteConfig
const ME = `ME${'a'.repeat(32)}`
const HX = `HX${'b'.repeat(32)}`

describe('the media and the template a check uses', () => {
  test('given to the run: used as they are, nothing made, on any target', async () => {
    await expect(mediaFor(untouchable, config('https://conversations.twilio.com', { mediaSid: ME }), 'IS', 't')).resolves.toEqual({ sid: ME })
    await expect(templateFor(untouchable, config('https://conversations.twilio.com', { contentSid: HX }), 't')).resolves.toMatchObject({ sid: HX, variables: { 1: 'conformance t' } })
  })

  test('not given, against twilio.com: not judged, naming the flag and why nothing is made; no request', async () => {
    const media = mediaFor(untouchable, config('https://conversations.twilio.com'), 'IS', 't')
    await expect(media).rejects.toBeInstanceOf(CouldNotJudge)
    await expect(media).rejects.toThrow(/^not judged: give --media-sid ME… \(or TWILIO_MEDIA_SID\).*another origin than the target's/)
    await expect(templateFor(untouchable, config('https://conversations.twilio.com'), 't')).rejects.toThrow(/^not judged: give --content-sid HX…/)
  })
})
