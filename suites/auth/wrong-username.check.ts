import { check } from '../../src/harness/check.ts'
import { expectEveryOperationRefused } from './refused.ts'

// The right password under another user name: another well-formed Account SID (or, when the suite authenticates with
// an API key, another well-formed key SID), random from the check's seeded generator. A server that compares only the
// password (a shared-secret check) lets it through. msg.auth.wrong-credentials varies the other half.
check('msg.auth.wrong-username', (ctx) => {
  const { username, secret } = ctx.config.target
  const prefix = /^SK/i.test(username) ? 'SK' : 'AC'
  let other = `${prefix}${ctx.randomHex(16)}`
  if (other.toLowerCase() === username.toLowerCase()) other = `${prefix}${ctx.randomHex(16)}`
  ctx.observe(`user name ${other} (another ${prefix} SID) with the target's ${prefix === 'SK' ? 'API key secret' : 'auth token'}`)
  return expectEveryOperationRefused(ctx, { username: other, password: secret }, `the right password under another user name (${other})`)
})
