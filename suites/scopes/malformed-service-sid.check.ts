import { everyNearMissOf } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'

// One near miss of every kind (lower-case prefix, wrong prefix, a digit short or extra, a non-hex digit, padding) of
// the service this check's conversation REALLY belongs to: a server that ignores case, trims or matches prefixes when
// it looks the service up would list the conversation. A correct one finds nothing (404), or refuses the SID (400).
// Every operation is tried with each near miss: the lookup of the service may differ from route to route.
check('msg.scopes.malformed-service-sid', async ({ api, conversation, seedMessage, observe }) => {
  const seeded = await seedMessage()
  const statuses = new Set<number>()
  for (const serviceSid of everyNearMissOf(conversation.serviceSid)) {
    const misaddressed = api.messages({ ...conversation, serviceSid })
    for (const res of [
      await misaddressed.list(),
      await misaddressed.fetch(seeded.sid),
      await misaddressed.create({ Body: 'addressed through a malformed service SID' }),
      await misaddressed.update(seeded.sid, { Body: 'edited through a malformed service SID' }),
      await misaddressed.remove(seeded.sid),
    ]) {
      expectTwilioError(res, { status: [404, 400] })
      statuses.add(res.response.status)
    }
  }
  observe(`malformed service SIDs answered ${[...statuses].sort().join(' and ')}`)
})
