import { redact } from '../report/evidence.ts'

/**
 * What a recording puts in place of the recorded account's SID: still `AC` + 32 hex digits, so everything that
 * checks the SID pattern (schemas, the suite, a client's own validation) keeps working on the recording. It is not
 * the doc examples' `ACaaaa…`, so a server that answers with that placeholder (a known fault) stays visible.
 */
export const ACCOUNT_SID_PLACEHOLDER = 'AC' + '0'.repeat(32)

/**
 * The placeholder for the Basic-auth user name of a recording: its own prefix and 32 zeros for a SID (`AC…`, or an
 * API key `SK…`), so the replay authenticates as a user of the same kind; anything else becomes the AC placeholder.
 */
export function userPlaceholder(user: string): string {
  return /^[A-Z]{2}[0-9a-fA-F]{32}$/.test(user) ? user.slice(0, 2) + '0'.repeat(32) : ACCOUNT_SID_PLACEHOLDER
}

export interface RedactionSecrets {
  /** The Basic-auth user (the account SID), replaced by userPlaceholder() (not secret, but it names the account). */
  accountSid?: string
  /** The auth token: removed with its URL-encoded and base64 forms, and the base64 of `accountSid:token`. */
  authToken?: string
  /** Any other value to scrub (`--redact VALUE`, CONFORMANCE_REDACT). */
  extra?: readonly string[]
}

/** A function that scrubs one string, and a deep version for parsed JSON, request forms and header maps. */
export interface Redactor {
  text(value: string): string
  deep<T>(value: T): T
}

/**
 * Builds the redactor a recording applies before anything reaches the disk. Secrets are replaced with
 * `[redacted]` (the report's `redact()`, which also covers their URL-encoded and base64 forms); then the account SID
 * (in either hex case) with the placeholder. Values shorter than 4 characters are ignored: scrubbing "a" everywhere
 * would destroy the recording without hiding anything.
 */
export function createRedactor(secrets: RedactionSecrets): Redactor {
  const values: string[] = []
  if (secrets.authToken) {
    values.push(secrets.authToken)
    // The Authorization header is never recorded; its value is scrubbed anyway, should a server echo it.
    if (secrets.accountSid) values.push(Buffer.from(`${secrets.accountSid}:${secrets.authToken}`).toString('base64'))
  }
  for (const v of secrets.extra ?? []) if (v.length >= 4) values.push(v)
  // Longest first, so a secret that contains another is removed whole.
  values.sort((a, b) => b.length - a.length)
  const user = secrets.accountSid
  const placeholder = user ? userPlaceholder(user) : ACCOUNT_SID_PLACEHOLDER
  const sid = user && /^[A-Z]{2}[0-9a-fA-F]{32}$/.test(user) ? sidPattern(user) : undefined
  const plain = user && !sid && user.length >= 4 ? user : undefined
  const text = (value: string): string => {
    let out = redact(value, values)
    if (sid) out = out.replace(sid, placeholder)
    else if (plain) out = out.split(plain).join(placeholder)
    return out
  }
  const deep = <T>(value: T): T => deepMap(value, text) as T
  return { text, deep }
}

function sidPattern(sid: string): RegExp {
  const hex = [...sid.slice(2)].map((c) => (/[a-f]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('')
  return new RegExp(`${sid.slice(0, 2)}${hex}`, 'g')
}

function deepMap(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value)
  if (Array.isArray(value)) return value.map((v) => deepMap(v, f))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[f(k)] = deepMap(v, f)
    return out
  }
  return value
}
