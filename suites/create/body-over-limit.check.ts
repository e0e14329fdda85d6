import { BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// Over the limit by any counting rule: one character past it (the boundary a `>` / `>=` mix-up gets wrong) and a
// long multi-byte Body. Which 4xx and which code is the server's choice; that nothing was stored is
// msg.create.rejected-leaves-nothing.
check('msg.create.body-over-limit', async ({ messages }) => {
  expectRejected(await messages.create({ Body: 'x'.repeat(BODY_LIMIT + 1) }), 'a Body of 1,601 characters')
  expectRejected(await messages.create({ Body: '日'.repeat(4000) }), 'a Body of 4,000 characters')
})
