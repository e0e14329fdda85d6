/**
 * Records the SDK cassette (fixtures/twilio-sdk/cassette.json): starts the reference server, drives the operations
 * of the SDK self-test through this suite's own client, redacts and stabilises what it saw (src/record/stabilise.ts:
 * stable SIDs and dates, origin https://conversations.twilio.com), so recording again gives the same file.
 *
 *   npm run record:sdk-cassette            writes the file
 *   npm run record:sdk-cassette -- --check exits 1 when the file differs from a fresh recording
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Agent } from 'undici'
import { startReferenceServer } from '../../mock/server.ts'
import { ConversationsApi } from '../../src/client/api.ts'
import type { Exchange } from '../../src/client/exchange.ts'
import { HttpClient } from '../../src/client/http.ts'
import { accountTarget } from '../../src/client/target.ts'
import { type CassetteInteraction, toInteraction, writeCassetteText } from '../../src/record/cassette.ts'
import { createRedactor } from '../../src/record/redact.ts'
import { stabilise } from '../../src/record/stabilise.ts'
import { driveSuiteClient } from './twilio-sdk.ts'

export const SDK_CASSETTE = fileURLToPath(new URL('../../fixtures/twilio-sdk/cassette.json', import.meta.url))
export const TWILIO_ORIGIN = 'https://conversations.twilio.com'

export async function recordSdkCassette(): Promise<CassetteInteraction[]> {
  const server = await startReferenceServer()
  const dispatcher = new Agent()
  try {
    const exchanges: Exchange[] = []
    const http = new HttpClient(accountTarget(server, 10_000), { dispatcher, onExchange: (ex) => exchanges.push(ex) })
    await driveSuiteClient(new ConversationsApi(http))
    const redactor = createRedactor({ accountSid: server.accountSid, secret: server.authToken })
    return stabilise(exchanges.map((ex) => toInteraction(ex, { origin: server.url, prefix: '' }, redactor)), server.url, TWILIO_ORIGIN)
  } finally {
    await dispatcher.close()
    await server.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = writeCassetteText(await recordSdkCassette())
  if (process.argv.includes('--check')) {
    const same = readFileSync(SDK_CASSETTE, 'utf8') === text
    process.stdout.write(same ? `${SDK_CASSETTE} is up to date\n` : `${SDK_CASSETTE} differs from a fresh recording: run npm run record:sdk-cassette\n`)
    process.exitCode = same ? 0 : 1
  } else {
    writeFileSync(SDK_CASSETTE, text)
    process.stdout.write(`wrote ${SDK_CASSETTE}\n`)
  }
}
