import type { Exchange } from '../../src/client/exchange.ts'
import { check } from '../../src/harness/check.ts'
import { fetchShowingBody } from '../../src/harness/reads.ts'
import { expectAccepted, expectMessage, expectRejected, expectSameJson, expectStatus, jsonValueOf } from '../../src/harness/verify.ts'

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
  const tag = randomHex(4)
  const within = attributesOf(4000, tag)
  const body = 'with 4,000 bytes of attributes'
  const created = await messages.create({ Body: body, Attributes: within })
  expectAccepted(created, 'Attributes of 4,000 bytes are within 4KB')
  const message = expectMessage(created, scope)
  expectReadBack(message.attributes, within, '4,000 bytes of Attributes', created)
  const fetched = await fetchShowingBody(ctx, messages, message.sid, body)
  expectStatus(fetched, 200)
  expectReadBack(expectMessage(fetched, scope).attributes, within, 'a fetch of the message with 4,000 bytes of Attributes', fetched)

  const large = attributesOf(16 * 1024, tag)
  const res = await messages.create({ Body: 'with 16 KiB of attributes', Attributes: large })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, 'Attributes of 16 KiB')
    observe(`Attributes limit: 16 KiB refused with ${res.response.status} (the limits page: 4KB)`)
    return
  }
  expectAccepted(res, 'Attributes of 16 KiB are either refused as invalid input or stored')
  expectReadBack(expectMessage(res, scope).attributes, large, '16 KiB of Attributes', res)
  observe('Attributes limit: none seen (16 KiB accepted and read back)')
})

function expectReadBack(attributes: string | null, sent: string, what: string, ex: Exchange): void {
  expectSameJson(jsonValueOf(attributes), JSON.parse(sent), `${what} came back as ${attributes === null ? 'null' : `${attributes.length} characters`} that do not encode the value sent`, ex)
}
