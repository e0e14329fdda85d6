import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'
import { NOT_RFC3339_DATES } from './dates.ts'

// Both date parameters are validated (dates.ts lists the values that are not RFC 3339 date-times).
const NOT_DATES = NOT_RFC3339_DATES

check('msg.create.date-invalid', async ({ messages }) => {
  for (const [name, value] of NOT_DATES) {
    expectRejected(await messages.create({ Body: 'badly dated', [name]: value }), `${name} ${JSON.stringify(value)}`)
  }
})
