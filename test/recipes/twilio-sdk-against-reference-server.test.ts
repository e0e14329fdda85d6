import { startReferenceServer, type ReferenceServer } from 'twilio-conversations-message-conformance'
import 'twilio-conversations-message-conformance/vitest'
import twilio from 'twilio'
import { afterAll, beforeAll, expect, test } from 'vitest'

let server: ReferenceServer
beforeAll(async () => {
  server = await startReferenceServer() // a free port, fresh credentials, an empty account
})
afterAll(() => server.close())

test('my code sends a message and reads it back', async () => {
  const client = twilio(server.accountSid, server.authToken)
  client.conversations.baseUrl = server.url // the SDK's own seam: talk to the reference server

  const conversation = await client.conversations.v1.conversations.create({ friendlyName: 'support' })
  const messages = client.conversations.v1.conversations(conversation.sid).messages
  const sent = await messages.create({ author: 'agent', body: 'Ahoy!' })

  const [listed] = await messages.list({ limit: 1 })
  expect(listed?.body).toBe('Ahoy!')
  expect(sent.sid).toMatch(/^IM[0-9a-f]{32}$/)

  // What the server answered is a conformant message, as the real API's would be.
  const raw = await fetch(`${server.url}/v1/Conversations/${conversation.sid}/Messages/${sent.sid}`, {
    headers: { authorization: `Basic ${Buffer.from(`${server.accountSid}:${server.authToken}`).toString('base64')}` },
  })
  expect(await raw.json()).toBeConformantMessage()
})
