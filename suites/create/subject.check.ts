import { triedValues } from '../../src/arbitraries/index.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, shows } from '../../src/harness/every-view.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'

// Every input class of Subject a server must accept (src/arbitraries/classes.ts): exactly 256 characters, the
// documented maximum, with non-ASCII letters from the Basic Multilingual Plane so that code points and UTF-16 units
// agree; white space, line endings, NFD, non-ASCII and astral text. The message schema has no subject property, so
// acceptance, and the message showing in every view with its Body, is all there is to see.
check('msg.create.subject', async (ctx) => {
  const { messages, scope } = ctx
  const views = await EveryView.begin(ctx)
  for (const { cls, value } of triedValues('msg.create.subject', 'Subject')) {
    const body = `with a subject (${cls})`
    const created = await messages.create({ Body: body, Subject: value })
    expectAccepted(created, `a Subject of the class "${cls}" (${JSON.stringify(value.slice(0, 40))}, ${value.length} characters) must be accepted`)
    views.wrote(expectMessage(created, scope).sid, shows('body', body))
  }
  await views.verify()
})
