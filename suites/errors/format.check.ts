import { check } from '../../src/harness/check.ts'
import { expectTwilioError } from '../../src/harness/verify.ts'
import { errorsAmong, provokeErrors } from './provoke.ts'

// Every error, whatever its cause: JSON with code, message, more_info and status, status equal to the HTTP status.
check('msg.errors.format', async (ctx) => {
  for (const { what, exchange } of errorsAmong(await provokeErrors(ctx), ctx)) {
    const error = expectTwilioError(exchange, { status: exchange.response.status })
    ctx.observe(`${what}: ${exchange.response.status} / ${error.code}`)
  }
})
