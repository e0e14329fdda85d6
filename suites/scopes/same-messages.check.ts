import { type ConversationRef, SCOPES } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectMessage, expectPage, expectSameJson, expectStatus, expectThat } from '../../src/harness/verify.ts'

// What legitimately differs between the two routes: the URLs name the route, and only the service-scoped
// representation has chat_service_sid.
function routeFree(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return message
  const { url: _url, links: _links, chat_service_sid: _service, ...rest } = message as Record<string, unknown>
  return rest
}

// Messages written through this check's route, read through both: the other route must show the same list and the
// same message. Reads are compared with reads, so a create response that differs from a fetch is not judged here.
check('msg.scopes.same-messages', async (ctx) => {
  const { api, scope, conversation, messages, config, seedMessage } = ctx
  const serviceSid = config.defaultServiceSid
  if (serviceSid === undefined) throw new SetupFailure('no default chat service known (GET /v1/Configuration), so the service-scoped route cannot be named')
  const otherScope = SCOPES.find((s) => s !== scope)!
  const sameConversation: ConversationRef = { sid: conversation.sid, serviceSid, scope: otherScope }
  const other = api.messages(sameConversation)

  const first = await seedMessage({ Body: `first, written through the ${scope} route` })
  const second = await seedMessage({ Body: `second, written through the ${scope} route`, Attributes: '{"route":"seen from both"}' })
  const both = { present: [first.sid, second.sid] }

  const here = await listShowing(ctx, messages, both)
  const expected = (here.json as { messages?: unknown } | undefined)?.messages
  if (here.response.status !== 200 || !Array.isArray(expected)) throw new SetupFailure(`could not list the conversation through the ${scope} route: answered ${here.response.status}`, here)

  const listed = await listShowing(ctx, other, both)
  expectStatus(listed, 200, `the list through the ${otherScope} route`)
  const shown = (expectPage(listed) as { messages?: unknown }).messages
  expectThat(Array.isArray(shown), `the list through the ${otherScope} route has no messages array`, listed)
  expectSameJson(shown.map(routeFree), expected.map(routeFree), `the ${otherScope} route lists other messages than the ${scope} route`, listed)

  const fetched = await other.fetch(second.sid)
  expectStatus(fetched, 200, `the message fetched through the ${otherScope} route`)
  const listedHere = expected.find((m) => (m as { sid?: unknown }).sid === second.sid)
  expectSameJson(routeFree(expectMessage(fetched)), routeFree(listedHere), `the ${otherScope} route shows the message otherwise than the ${scope} route`, fetched)
})
