import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// Not RFC 3339 date-times: no time zone (a local time is ambiguous), a date that does not exist, and plain words.
const NOT_DATES = ['2015-12-16T22:18:37', '2015-02-30T10:00:00Z', 'yesterday']

check('msg.create.date-invalid', async ({ messages }) => {
  for (const value of NOT_DATES) {
    expectRejected(await messages.create({ Body: 'badly dated', DateCreated: value }), `DateCreated ${JSON.stringify(value)}`)
  }
})
