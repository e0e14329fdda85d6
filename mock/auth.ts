// HTTP Basic authentication with AccountSid:AuthToken, the only scheme the doc's OpenAPI declares.
import { timingSafeEqual, createHash } from 'node:crypto'

export interface Credentials {
  accountSid: string
  authToken: string
}

// Compare digests rather than raw strings: timingSafeEqual needs equal lengths, and hashing first
// keeps the comparison constant-time without leaking the expected length.
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digestOf(a), digestOf(b))
}

/** Digests of the strings compared lately: nearly every request brings the same credentials (4 hashes a request otherwise). */
const recentDigests = new Map<string, Buffer>()
const RECENT_DIGESTS = 64

function digestOf(s: string): Buffer {
  let digest = recentDigests.get(s)
  if (digest === undefined) {
    digest = createHash('sha256').update(s, 'utf8').digest()
    if (recentDigests.size >= RECENT_DIGESTS) recentDigests.clear() // bounded: a client sending random credentials grows nothing
    recentDigests.set(s, digest)
  }
  return digest
}

/** Decode an `Authorization` header value; null for anything that is not well-formed Basic. */
export function parseBasicAuth(header: string | undefined): Credentials | null {
  if (header === undefined) return null
  const m = /^basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header)
  if (!m) return null
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':') // the user name (an AccountSid) cannot contain a colon; a token could
  if (colon === -1) return null
  return { accountSid: decoded.slice(0, colon), authToken: decoded.slice(colon + 1) }
}

export function isAuthorized(header: string | undefined, expected: Credentials): boolean {
  const given = parseBasicAuth(header)
  if (given === null) return false
  // Evaluate both comparisons so the time taken does not reveal which half was wrong.
  const sidOk = sameSecret(given.accountSid, expected.accountSid)
  const tokenOk = sameSecret(given.authToken, expected.authToken)
  return sidOk && tokenOk
}
