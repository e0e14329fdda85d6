import { check } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { expectThat, expectTwilioError } from '../../src/harness/verify.ts'

const NEVER_STORED = 'conformance: a create through an unknown service must not store this'

// A well-formed IS SID that names no service (random, from the check's seeded generator), in front of this check's
// real conversation: the path names nothing, so fetch, list, create, update and delete are all 404, and do nothing. A server that falls
// back to the default service (or ignores the service) would find the conversation.
check('msg.scopes.unknown-service', async (ctx) => {
  const { api, conversation, messages, seedMessage, randomHex } = ctx
  const seeded = await seedMessage({ Body: 'lives in the real service' })
  const nowhere = api.messages({ ...conversation, serviceSid: `IS${randomHex(16)}` })
  expectTwilioError(await nowhere.fetch(seeded.sid), { status: 404 })
  expectTwilioError(await nowhere.list(), { status: 404 })
  expectTwilioError(await nowhere.create({ Body: NEVER_STORED }), { status: 404 })
  expectTwilioError(await nowhere.update(seeded.sid, { Body: NEVER_STORED }), { status: 404 })
  expectTwilioError(await nowhere.remove(seeded.sid), { status: 404 })

  // Through the real service: the refused create must not have landed in the conversation.
  const after = await listShowing(ctx, messages, { present: [seeded.sid] })
  const listed = (after.json as { messages?: unknown } | undefined)?.messages
  if (after.response.status !== 200 || !Array.isArray(listed)) throw new SetupFailure(`could not list the conversation through its real service: answered ${after.response.status}`, after)
  expectThat(!listed.some((m) => (m as { body?: unknown } | null)?.body === NEVER_STORED), 'a create or update through an unknown service, answered 404, wrote to the conversation all the same', after)
  expectThat(listed.some((m) => (m as { sid?: unknown } | null)?.sid === seeded.sid), 'a delete through an unknown service, answered 404, deleted the message all the same', after)
})
