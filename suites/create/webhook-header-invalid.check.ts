import { check } from '../../src/harness/check.ts'
import { expectRejected } from '../../src/harness/verify.ts'
import { INVALID_WEBHOOK_HEADERS } from './webhook-header.ts'

// The header's enum is "true" and "false". Values people write instead (a yes, a 1), each under another spelling of
// the header name: header names are case-insensitive, and HTTP/2 clients and fetch() send them in lower case, so a
// server that reads the header only under one spelling lets the invalid value through.
check('msg.create.webhook-header-invalid', async ({ messages }) => {
  for (const [name, value] of INVALID_WEBHOOK_HEADERS) {
    expectRejected(await messages.create({ Body: `webhooks ${value}` }, { [name]: value }), `${name}: ${value} (the enum is true, false)`)
  }
})
