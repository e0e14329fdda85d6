import type { ConversationRef } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// Only the service-scoped routes name a service, so only they can name the wrong one. The second service is the
// marked one the suite keeps between runs (found or made once per run by the CLI); without it, one is made here and
// deleted with the check's other resources (the ledger holds it).
check('msg.scopes.other-service', async ({ api, conversation, config, seedMessage }) => {
  const seeded = await seedMessage({ Body: 'lives in the default service' })
  const serviceSid = config.secondServiceSid ?? (await ownService(api, config.runId))
  const conv = await api.createConversation('service', serviceSid, `conformance-suite ${config.runId}`)
  const sid = (conv.json as { sid?: unknown } | undefined)?.sid
  if (conv.response.status < 200 || conv.response.status > 299 || typeof sid !== 'string') {
    throw new SetupFailure(`could not create a conversation in the second service: ${conv.request.method} ${conv.request.path} answered ${conv.response.status}`, conv)
  }
  const stranger: ConversationRef = { sid, serviceSid, scope: 'service' }
  await seedMessage({ Body: 'lives in the second service' }, api.messages(stranger))

  // Each conversation through the other's service: a message, a list, and a create that must not land anywhere.
  const misaddressed = api.messages({ ...conversation, serviceSid })
  expectTwilioError(await misaddressed.fetch(seeded.sid), { status: 404 })
  expectTwilioError(await api.messages({ ...stranger, serviceSid: conversation.serviceSid }).list(), { status: 404 })
  expectTwilioError(await misaddressed.create({ Body: 'addressed through the wrong service' }), { status: 404 })
})

async function ownService(api: Parameters<Parameters<typeof check>[1]>[0]['api'], runId: string): Promise<string> {
  const made = await api.createService(`conformance-suite ${runId}`)
  const sid = (made.json as { sid?: unknown } | undefined)?.sid
  if (made.response.status < 200 || made.response.status > 299 || typeof sid !== 'string') {
    throw new SetupFailure(`could not create a second chat service: ${made.request.method} ${made.request.path} answered ${made.response.status}`, made)
  }
  return sid
}
