// The official twilio SDK (twilio-node, over axios and node:http) against the reference server: the server speaks
// the dialect Twilio's own client expects (form bodies, JSON shapes, paging through meta.next_page_url, errors).
import twilio from 'twilio'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ReferenceServer, startReferenceServer } from '../mock/server.ts'
import { driveTwilioSdk, EDIT, FIRST, MORE_BODIES } from './support/twilio-sdk.ts'

describe('the twilio SDK against the reference server', () => {
  let server: ReferenceServer
  beforeAll(async () => {
    server = await startReferenceServer()
  })
  afterAll(() => server.close())

  test('create, fetch, list over three pages, page by hand, update, remove', async () => {
    const client = twilio(server.accountSid, server.authToken)
    // The SDK's own seam: every domain has a baseUrl (https://conversations.twilio.com by default).
    client.conversations.baseUrl = server.url
    const outcome = await driveTwilioSdk(client)
    expect(outcome.created).toMatchObject({ author: FIRST.author, body: FIRST.body, attributes: FIRST.attributes, accountSid: server.accountSid })
    expect(outcome.created.sid).toMatch(/^IM[0-9a-f]{32}$/)
    expect(outcome.fetchedBody).toBe(FIRST.body)
    expect(outcome.listed).toEqual([FIRST.body, ...MORE_BODIES])
    expect(outcome.pages).toEqual([[FIRST.body, MORE_BODIES[0]], [MORE_BODIES[1], MORE_BODIES[2]]])
    expect(outcome.updated).toMatchObject({ author: EDIT.author, body: EDIT.body })
    expect(outcome.updated.dateUpdated).toBeInstanceOf(Date)
    expect(outcome.removed).toBe(true)
    expect(outcome.afterRemove).toEqual({ status: 404, code: 20404 })
  })

  test('wrong credentials reach the SDK as a RestException 401 / 20003', async () => {
    const client = twilio(server.accountSid, 'not-the-token')
    client.conversations.baseUrl = server.url
    await expect(client.conversations.v1.conversations.create({ friendlyName: 'refused' })).rejects.toMatchObject({ status: 401, code: 20003 })
  })
})
