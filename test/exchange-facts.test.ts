import { describe, expect, test } from 'vitest'
import { propertyPaths } from '../src/schemas/properties.ts'
import { ExchangeFacts } from '../src/harness/exchange-facts.ts'
import type { Exchange } from '../src/client/exchange.ts'

// What a run's exchanges say beyond verdicts, for `conformance diff`: properties the schemas document or not,
// statuses and error codes, latency per operation.

const message = {
  sid: 'IM' + 'a'.repeat(32),
  body: 'hi',
  links: { delivery_receipts: 'https://x/Receipts', channel_metadata: 'https://x/ChannelMetadata', brand_new: 'https://x/New' },
  x_new: { nested: 1 },
}

const exchange = (method: string, path: string, status: number, json: unknown, durationMs = 5): Exchange => ({
  request: { method, path, headers: {} },
  response: { status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(json) },
  json,
  durationMs,
})

describe('response facts', () => {
  test('a message: documented properties by pointer, unknown ones too, also nested and inside a page', () => {
    const paths = propertyPaths('message', message)
    expect(paths.documented).toEqual(expect.arrayContaining(['/sid', '/body', '/links', '/links/delivery_receipts', '/links/channel_metadata']))
    expect(paths.unknown.sort()).toEqual(['/links/brand_new', '/x_new'])
    expect(propertyPaths('service-message-page', { meta: { key: 'messages', extra: 1 }, messages: [message] }).unknown.sort()).toEqual(['/messages/*/links/brand_new', '/messages/*/x_new', '/meta/extra'])
  })

  test('an exchange of a Message route: status and code per operation, properties by kind, latency; setup and transient answers say nothing', () => {
    const facts = new ExchangeFacts()
    const conv = '/v1/Conversations/CH' + 'b'.repeat(32) + '/Messages'
    facts.note(exchange('POST', '/v1/Conversations', 201, { sid: 'CH1' })) // setup
    facts.note(exchange('POST', conv, 429, { code: 20429, status: 429 })) // transient
    facts.note(exchange('POST', conv, 201, message, 7))
    facts.note(exchange('POST', conv, 400, { code: 20001, message: 'x', more_info: 'https://www.twilio.com/docs/errors/20001', status: 400, x_error_extra: 1 }, 3))
    facts.note(exchange('GET', `${conv}?PageSize=2`, 200, { meta: { key: 'messages' }, messages: [message] }, 4))
    const record = facts.record()!
    expect(record.responses).toEqual(['create 201', 'create 400 20001', 'list 200'])
    expect(record.properties.unknown).toEqual(['error /x_error_extra', 'message /links/brand_new', 'message /x_new', 'message-page /messages/*/links/brand_new', 'message-page /messages/*/x_new'])
    expect(record.properties.documented).toContain('message /links/channel_metadata')
    expect(record.latency).toEqual({ create: [7, 3], list: [4] })
  })
})
