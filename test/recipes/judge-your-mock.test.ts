import { validateMessage } from 'twilio-conversations-message-conformance'
import 'twilio-conversations-message-conformance/vitest'
import { expect, test } from 'vitest'

// What your own mock returns for a created message (here: a hand-written fixture, as many test suites keep).
const fromMyMock = {
  sid: 'IM' + '1'.repeat(32),
  account_sid: 'AC' + '2'.repeat(32),
  conversation_sid: 'CH' + '3'.repeat(32),
  index: 0,
  author: 'system',
  body: 'Ahoy!',
  media: null,
  attributes: '{}',
  participant_sid: null,
  date_created: '2024-05-01T10:00:00Z',
  date_updated: '2024-05-01T10:00:00Z',
  url: `https://conversations.twilio.com/v1/Conversations/CH${'3'.repeat(32)}/Messages/IM${'1'.repeat(32)}`,
  delivery: null,
  links: {
    delivery_receipts: `https://conversations.twilio.com/v1/Conversations/CH${'3'.repeat(32)}/Messages/IM${'1'.repeat(32)}/Receipts`,
    channel_metadata: `https://conversations.twilio.com/v1/Conversations/CH${'3'.repeat(32)}/Messages/IM${'1'.repeat(32)}/ChannelMetadata`,
  },
  content_sid: null,
}

test('my mock returns conformant messages and errors', () => {
  expect(fromMyMock).toBeConformantMessage()
  expect({ code: 20404, message: 'The requested resource /Conversations/CH…/Messages/IM… was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 }).toBeTwilioError(404)
})

test('a broken message is named by requirement, JSON pointer and doc link', () => {
  const broken = { ...fromMyMock, sid: 'IM-not-a-sid' }
  expect(broken).not.toBeConformantMessage()
  expect(() => expect(broken).toBeConformantMessage()).toThrow(/msg\.representation\.sids \(must\) at \/sid: sid is "IM-not-a-sid"/)

  const result = validateMessage(broken)
  expect(result.valid).toBe(false)
  expect(result.findings[0]).toMatchObject({ pointer: '/sid', requirement: 'msg.representation.sids', level: 'must' })
})
