import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// As msg.create.subject-over-limit, for update ("up to 256 characters" there too): one character past the limit.
check('msg.update.subject-over-limit', async ({ messages, seedMessage }) => {
  const seeded = await seedMessage({ Body: 'to be given a long subject' })
  expectRejected(await messages.update(seeded.sid, { Subject: 's'.repeat(257) }), 'an update with a Subject of 257 characters')
})
