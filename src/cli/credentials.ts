import type { Target } from '../client/target.ts'
import type { RunOptions } from './options.ts'
import { UsageError } from './usage-error.ts'

type CredentialOptions = Pick<RunOptions, 'target' | 'accountSid' | 'authToken' | 'apiKey' | 'apiSecret' | 'timeoutMs'>

/**
 * The target and the credentials to send it: an API key and its secret when given (the account named by
 * --account-sid), else the account SID and its auth token. Missing halves are one line that says what to pass.
 */
export function targetFromOptions(options: CredentialOptions & { target: string }): Target {
  const { target: baseUrl, accountSid, timeoutMs } = options
  if (options.apiKey !== undefined || options.apiSecret !== undefined) {
    if (options.apiKey === undefined) throw new UsageError('--api-secret needs --api-key (or TWILIO_API_KEY): the SK… SID of the key')
    if (options.apiSecret === undefined) throw new UsageError('--api-key needs --api-secret (or TWILIO_API_SECRET): the secret shown when the key was created')
    if (accountSid === undefined) {
      throw new UsageError('--api-key names a key, not the account: also pass --account-sid AC… (or TWILIO_ACCOUNT_SID), the account whose messages are checked')
    }
    return { baseUrl, accountSid, username: options.apiKey, secret: options.apiSecret, timeoutMs }
  }
  if (accountSid === undefined || options.authToken === undefined) {
    throw new UsageError('no credentials for --target: pass --account-sid and --auth-token (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN), or --api-key, --api-secret and --account-sid')
  }
  return { baseUrl, accountSid, username: accountSid, secret: options.authToken, timeoutMs }
}

/** An identifier as the first lines show it: its prefix and last 4 characters (`AC…1a2b`). */
export function redactedId(id: string): string {
  return id.length <= 8 ? '…' : `${id.slice(0, 2)}…${id.slice(-4)}`
}

/** The client's (src/client/target.ts), where the webhook guard needs it too. */
export { isTwilioHosted } from '../client/target.ts'
