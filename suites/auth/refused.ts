// What msg.auth.no-credentials, msg.auth.wrong-credentials and msg.auth.wrong-username all demand: every message operation refused with
// 401/20003, and nothing done. Only the credentials differ, so the procedure is written once.
import type { Credentials } from '../../src/client/http.ts'
import type { CheckContext } from '../../src/harness/check.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { listShowing } from '../../src/harness/reads.ts'
import { expectStatus, expectThat, expectTwilioError } from '../../src/harness/verify.ts'
import { sameSid } from '../../src/schemas/formats.ts'

const NEVER_STORED = 'conformance: a refused create must not store this'
const NEVER_APPLIED = 'conformance: a refused update must not apply this'

/** `sent` says what credentials were sent, for the failure message ("no credentials", "a wrong auth token"). */
export async function expectEveryOperationRefused(ctx: CheckContext, credentials: Credentials, sent: string): Promise<void> {
  const { api, conversation, messages, seedMessage } = ctx
  const seeded = await seedMessage({ Body: 'conformance: must survive refused requests' })
  const refused = api.messages(conversation, credentials)
  const attempts = [
    await refused.create({ Body: NEVER_STORED }),
    await refused.fetch(seeded.sid),
    await refused.list(),
    await refused.update(seeded.sid, { Body: NEVER_APPLIED }),
    await refused.remove(seeded.sid),
  ]
  for (const ex of attempts) {
    expectStatus(ex, 401, `sent with ${sent}`)
    expectTwilioError(ex, { status: 401, code: 20003 })
  }

  // One list with the right credentials shows whether a refused write happened anyway.
  const after = await listShowing(ctx, messages, { present: [seeded.sid] })
  const listed = (after.json as { messages?: unknown } | undefined)?.messages
  if (after.response.status !== 200 || !Array.isArray(listed)) {
    throw new SetupFailure(`could not list the conversation to see what the refused requests did: answered ${after.response.status}`, after)
  }
  const shown = listed as Array<{ sid?: unknown; body?: unknown }>
  expectThat(!shown.some((m) => m.body === NEVER_STORED), 'a create refused with 401 stored its message all the same', after)
  const survivor = shown.find((m) => sameSid(m.sid, seeded.sid))
  expectThat(survivor !== undefined, `a delete refused with 401 deleted the message ${seeded.sid} all the same`, after)
  expectThat(survivor.body === seeded.body, `an update refused with 401 changed the message: body is now ${JSON.stringify(survivor.body)}`, after)
  expectThat(shown.length === 1, `the conversation should hold only the one message made with valid credentials, it holds ${shown.length}`, after)
}
