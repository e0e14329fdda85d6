import type { Exchange } from '../../src/client/exchange.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectRejected, expectSameJson, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'

/** A JSON object of exactly `bytes` ASCII bytes, unique to this run through `tag`. */
function attributesOf(bytes: number, tag: string): string {
  const frame = JSON.stringify({ tag, pad: '' })
  return JSON.stringify({ tag, pad: 'x'.repeat(bytes - frame.length) })
}

// The Message page sets no size for Attributes; the Conversations limits page gives them 4KB. 4,000 bytes are within
// 4KB however it is read (4,000 or 4,096 bytes), so they must be stored and read back, by create and by a fetch. 16 KiB
// are past 4KB by either reading: stored and read back (no limit) or refused as invalid input (the limit), and which
// one is observed.
check('msg.create.attributes-size', async (ctx) => {
  const { messages, scope, randomHex, observe } = ctx
  const views = await EveryView.begin(ctx)
  const readBack = (sent: string, what: string) => (m: Record<string, unknown>) =>
    firstDifference(jsonValueOf(m['attributes']), JSON.parse(sent), '') === undefined ? undefined : `${what}: attributes do not encode the value sent`
  const tag = randomHex(4)
  const within = attributesOf(4000, tag)
  const body = 'with 4,000 bytes of attributes'
  const created = await messages.create({ Body: body, Attributes: within })
  expectAccepted(created, 'Attributes of 4,000 bytes are within 4KB')
  const message = expectMessage(created, scope)
  expectReadBack(message.attributes, within, '4,000 bytes of Attributes', created)
  await views.afterWrite(message.sid, readBack(within, '4,000 bytes of Attributes'))

  const large = attributesOf(16 * 1024, tag)
  const res = await messages.create({ Body: 'with 16 KiB of attributes', Attributes: large })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, 'Attributes of 16 KiB')
    observe(`Attributes limit: 16 KiB refused with ${res.response.status} (the limits page: 4KB)`)
    return
  }
  expectAccepted(res, 'Attributes of 16 KiB are either refused as invalid input or stored')
  expectReadBack(expectMessage(res, scope).attributes, large, '16 KiB of Attributes', res)
  await views.afterWrite(expectMessage(res, scope).sid, readBack(large, '16 KiB of Attributes'))
  observe('Attributes limit: none seen (16 KiB accepted and read back)')
})

function expectReadBack(attributes: string | null, sent: string, what: string, ex: Exchange): void {
  expectSameJson(jsonValueOf(attributes), JSON.parse(sent), `${what} came back as ${attributes === null ? 'null' : `${attributes.length} characters`} that do not encode the value sent`, ex)
}
