import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'

// Not RFC 3339 date-times: no time zone (a local time is ambiguous), a date that does not exist, a month that does not
// exist, and plain words. Both date parameters are validated: a server that checks one and ignores the other fails.
const NOT_DATES: ReadonlyArray<readonly ['DateCreated' | 'DateUpdated', string]> = [
  ['DateCreated', '2019-04-23T10:20:30'],
  ['DateCreated', '2019-02-30T10:00:00Z'],
  ['DateCreated', 'yesterday'],
  ['DateUpdated', '2019-04-23T10:20:30'],
  ['DateUpdated', '2019-13-01T00:00:00Z'],
]

check('msg.create.date-invalid', async ({ messages }) => {
  for (const [name, value] of NOT_DATES) {
    expectRejected(await messages.create({ Body: 'badly dated', [name]: value }), `${name} ${JSON.stringify(value)}`)
  }
})
