import { BODY_LIMIT } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage, expectThat } from '../../src/harness/verify.ts'

// 1,600 characters of two UTF-8 bytes (é: 3,200 bytes) and of three (日: 4,800 bytes). Both are single UTF-16 units
// and single code points, so only a limit counted in bytes refuses them. Stored as sent, not cut to fit a byte limit.
check('msg.create.body-limit-in-characters', async ({ messages, scope }) => {
  for (const ch of ['é', '日']) {
    const body = ch.repeat(BODY_LIMIT)
    const created = await messages.create({ Body: body })
    expectAccepted(created, `1,600 × "${ch}" (${Buffer.byteLength(body)} UTF-8 bytes) is 1,600 characters`)
    const message = expectMessage(created, scope)
    expectThat(message.body === body, `1,600 × "${ch}" came back as ${message.body?.length ?? 'null'} characters`, created)
  }
})
