import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectMessage } from '../../src/harness/verify.ts'

// Exactly 256 characters, the documented maximum, with non-ASCII letters from the Basic Multilingual Plane so that
// code points and UTF-16 units agree. The message schema has no subject property, so acceptance is all there is to see.
const SUBJECT = ('Ünïcødé subject – '.repeat(15) + 'x'.repeat(256)).slice(0, 256)

check('msg.create.subject', async ({ messages, scope }) => {
  const created = await messages.create({ Body: 'with a subject', Subject: SUBJECT })
  expectAccepted(created, 'a Subject of 256 characters must be accepted')
  expectMessage(created, scope)
})
