import type { ConversationRef } from '../../src/client/api.ts'
import type { Exchange } from '../../src/client/exchange.ts'
import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// Only the service-scoped routes name a service, so only they can name the wrong one.
check(
  'msg.scopes.other-service',
  async ({ api, conversation, config, seedMessage, observe }) => {
    const seeded = await seedMessage({ Body: 'lives in the default service' })
    const made = await api.createService(`conformance ${config.runId}`)
    const serviceSid = (made.json as { sid?: unknown } | undefined)?.sid
    if (made.response.status < 200 || made.response.status > 299 || typeof serviceSid !== 'string') {
      throw new SetupFailure(`could not create a second chat service: ${made.request.method} ${made.request.path} answered ${made.response.status}`, made)
    }
    let stranger: ConversationRef | undefined
    try {
      const conv = await api.createConversation('service', serviceSid, `conformance ${config.runId}`)
      const sid = (conv.json as { sid?: unknown } | undefined)?.sid
      if (conv.response.status < 200 || conv.response.status > 299 || typeof sid !== 'string') {
        throw new SetupFailure(`could not create a conversation in the second service: ${conv.request.method} ${conv.request.path} answered ${conv.response.status}`, conv)
      }
      stranger = { sid, serviceSid, scope: 'service' }
      await seedMessage({ Body: 'lives in the second service' }, api.messages(stranger))

      // Each conversation through the other's service: a message, a list, and a create that must not land anywhere.
      const misaddressed = api.messages({ ...conversation, serviceSid })
      expectTwilioError(await misaddressed.fetch(seeded.sid), { status: 404 })
      expectTwilioError(await api.messages({ ...stranger, serviceSid: conversation.serviceSid }).list(), { status: 404 })
      expectTwilioError(await misaddressed.create({ Body: 'addressed through the wrong service' }), { status: 404 })
    } finally {
      // The conversation first, then its service. Cleanup problems are noted, never a verdict.
      if (stranger !== undefined) await removeQuietly('conversation', () => api.deleteConversation(stranger!), observe)
      await removeQuietly('service', () => api.deleteService(serviceSid), observe)
    }
  },
  { scopes: ['service'] },
)

async function removeQuietly(what: string, remove: () => Promise<Exchange>, observe: (note: string) => void): Promise<void> {
  try {
    const ex = await remove()
    if (ex.response.status !== 204 && ex.response.status !== 404) observe(`cleanup: deleting the second ${what} answered ${ex.response.status}`)
  } catch (err) {
    observe(`cleanup: deleting the second ${what} failed: ${(err as Error).message}`)
  }
}
