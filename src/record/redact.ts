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
  /** The account under test (AC…), replaced by the AC placeholder wherever it appears (not secret, but it names the account). */
  accountSid?: string
  /** The Basic-auth user when it is not the account: an API key SID (SK…), replaced by userPlaceholder(). */
  username?: string
  /** The auth token or API key secret: removed with its URL-encoded and base64 forms, and the base64 of `user:secret`. */
  secret?: string
  /** Any other value to scrub (`--redact VALUE`, CONFORMANCE_REDACT). */
  extra?: readonly string[]
}

/** What to scrub for a target: its account, its Basic-auth user and secret, and any other values given. */
export function secretsOf(target: { accountSid: string; username: string; secret: string }, extra: readonly string[] = []): RedactionSecrets {
  return { accountSid: target.accountSid, ...(target.username !== target.accountSid ? { username: target.username } : {}), secret: target.secret, extra }
}

/** A function that scrubs one string, and a deep version for parsed JSON, request forms and header maps. */
export interface Redactor {
  text(value: string): string
  deep<T>(value: T): T
}

/**
 * Builds the redactor a recording applies before anything reaches the disk. Secrets are replaced with
 * `[redacted]` (`redact()` below, which also covers their URL-encoded and base64 forms); then the account SID and the
 * API key SID (in either hex case) with their placeholders. Values shorter than 4 characters are ignored: scrubbing
 * "a" everywhere would destroy the recording without hiding anything.
 */
export function createRedactor(secrets: RedactionSecrets): Redactor {
  const values: string[] = []
  const user = secrets.username ?? secrets.accountSid
  if (secrets.secret) {
    values.push(secrets.secret)
    // The Authorization header is never recorded; its value is scrubbed anyway, should a server echo it.
    if (user) values.push(Buffer.from(`${user}:${secrets.secret}`).toString('base64'))
  }
  for (const v of secrets.extra ?? []) if (v.length >= 4) values.push(v)
  // Longest first, so a secret that contains another is removed whole.
  values.sort((a, b) => b.length - a.length)
  const replacements: Array<(s: string) => string> = []
  for (const id of new Set([secrets.accountSid, secrets.username])) {
    if (!id) continue
    const placeholder = userPlaceholder(id)
    if (/^[A-Z]{2}[0-9a-fA-F]{32}$/.test(id)) {
      const pattern = sidPattern(id)
      replacements.push((s) => s.replace(pattern, placeholder))
    } else if (id.length >= 4) replacements.push((s) => s.split(id).join(placeholder))
  }
  const text = (value: string): string => replacements.reduce((out, replace) => replace(out), redact(value, values))
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

/** Replaces every occurrence of every secret (and its URL-encoded and base64 forms) with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) {
    if (!s) continue
    for (const form of new Set([s, encodeURIComponent(s), Buffer.from(s).toString('base64')])) out = out.split(form).join('[redacted]')
  }
  return out
}
