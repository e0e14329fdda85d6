// The official twilio SDK against a recorded cassette served by nock.define(): the cassette format is nock's, and
// what the reference server recorded is what the SDK expects. No network: nock refuses every other connection.
// The cassette (fixtures/twilio-sdk/cassette.json) is recorded by test/support/record-sdk-cassette.ts.
import { readFileSync } from 'node:fs'
import nock from 'nock'
import twilio from 'twilio'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { ACCOUNT_SID_PLACEHOLDER } from '../src/record/redact.ts'
import { recordSdkCassette, SDK_CASSETTE, TWILIO_ORIGIN } from './support/record-sdk-cassette.ts'
import { driveTwilioSdk, EDIT, FIRST, MORE_BODIES } from './support/twilio-sdk.ts'

describe('the twilio SDK against the nock-served SDK cassette', () => {
  beforeAll(() => {
    nock.disableNetConnect()
  })
  afterEach(() => {
    nock.cleanAll()
  })
  afterAll(() => {
    nock.enableNetConnect()
    nock.restore()
  })

  test('the same operations, answered from the cassette, with the SDK at its default settings', async () => {
    const defs = nock.loadDefs(SDK_CASSETTE)
    expect(defs.every((d) => d.scope === TWILIO_ORIGIN)).toBe(true)
    const scopes = nock.define(defs)
    // Default settings: https://conversations.twilio.com, as in production. Any token: nock does not see it.
    const client = twilio(ACCOUNT_SID_PLACEHOLDER, 'any-token-nock-does-not-check')
    const outcome = await driveTwilioSdk(client)
    expect(outcome.created).toMatchObject({ sid: 'IM' + '1'.padStart(32, '0'), author: FIRST.author, body: FIRST.body, attributes: FIRST.attributes, accountSid: ACCOUNT_SID_PLACEHOLDER })
    expect(outcome.fetchedBody).toBe(FIRST.body)
    expect(outcome.listed).toEqual([FIRST.body, ...MORE_BODIES])
    expect(outcome.pages).toEqual([[FIRST.body, MORE_BODIES[0]], [MORE_BODIES[1], MORE_BODIES[2]]])
    expect(outcome.updated).toMatchObject({ author: EDIT.author, body: EDIT.body })
    expect(outcome.removed).toBe(true)
    expect(outcome.afterRemove).toEqual({ status: 404, code: 20404 })
    // Every recorded interaction was asked for, and nothing else.
    expect(scopes.filter((s) => !s.isDone()).map((s) => s.pendingMocks())).toEqual([])
  })

  test('a request the cassette does not hold is refused, not sent', async () => {
    nock.define(nock.loadDefs(SDK_CASSETTE))
    const client = twilio(ACCOUNT_SID_PLACEHOLDER, 'any-token')
    await expect(client.conversations.v1.conversations('CH' + 'f'.repeat(32)).messages.list()).rejects.toThrow(/Nock: No match|Disallowed net connect/)
  })

  test('the committed cassette is what recording gives today (re-record: npm run record:sdk-cassette)', async () => {
    nock.enableNetConnect('127.0.0.1')
    try {
      const fresh = await recordSdkCassette()
      expect(fresh).toEqual(JSON.parse(readFileSync(SDK_CASSETTE, 'utf8')))
    } finally {
      nock.disableNetConnect()
    }
  })
})
