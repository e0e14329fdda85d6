import { BODY_LIMIT } from '../../src/arbitraries/index.ts'
import type { MessagesApi } from '../../src/client/api.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat } from '../../src/harness/verify.ts'

// 1,600 characters of two UTF-8 bytes (é: 3,200 bytes) and of three (日: 4,800 bytes). Both are single UTF-16 units
// and single code points, so only a limit counted in bytes refuses them. Stored as sent, not cut to fit a byte limit.
// Astral characters (😀: one code point, two UTF-16 units) may count either way: 1,600 of them are accepted (code
// points, or the chat limit) or refused (UTF-16 units), and then 800 of them (1,600 units) must be accepted.
check('msg.create.body-limit-in-characters', async (ctx) => {
  const { messages, scope, reading } = ctx
  const views = await EveryView.begin(ctx)
  for (const ch of ['é', '日']) await expectStoredAsSent(views, messages, scope, ch.repeat(BODY_LIMIT), `1,600 × "${ch}" (${Buffer.byteLength(ch.repeat(BODY_LIMIT))} UTF-8 bytes)`)
  const astral = '😀'.repeat(BODY_LIMIT)
  const res = await messages.create({ Body: astral })
  if (res.response.status >= 400 && res.response.status < 500) {
    expectRejected(res, '1,600 × "😀" (3,200 UTF-16 code units)')
    await expectStoredAsSent(views, messages, scope, '😀'.repeat(BODY_LIMIT / 2), '800 × "😀" (1,600 UTF-16 code units)')
    reading('body-characters', 'UTF-16 code units (1,600 × 😀 refused, 800 accepted)')
    await views.verify()
    return
  }
  expectAccepted(res, '1,600 × "😀" is 1,600 code points')
  const message = expectMessage(res, scope)
  expectThat(message.body === astral, `1,600 × "😀" came back as ${message.body?.length ?? 'null'} UTF-16 units`, res)
  views.wrote(message.sid, shows('body', astral))
  reading('body-characters', 'code points (1,600 × 😀 accepted)')
  await views.verify()
})

async function expectStoredAsSent(views: EveryView, messages: MessagesApi, scope: 'default' | 'service', body: string, what: string): Promise<void> {
  const created = await messages.create({ Body: body })
  expectAccepted(created, `${what} is within the limit however characters are counted`)
  const message = expectMessage(created, scope)
  expectThat(message.body === body, `${what} came back as ${message.body?.length ?? 'null'} UTF-16 units`, created)
  views.wrote(message.sid, shows('body', body))
}
