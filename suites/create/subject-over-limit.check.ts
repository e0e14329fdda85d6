import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// One character past the documented 256 (the boundary a `>` / `>=` mix-up gets wrong).
check('msg.create.subject-over-limit', async ({ messages }) => {
  expectRejected(await messages.create({ Body: 'with a long subject', Subject: 's'.repeat(257) }), 'a Subject of 257 characters')
})
