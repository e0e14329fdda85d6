/** Where the suite sends requests and with which credentials. Only the client sends the credentials. */
export interface Target {
  /** API base URL without `/v1`, e.g. `https://conversations.twilio.com` or `http://127.0.0.1:4010`. */
  baseUrl: string
  /** The account under test (AC…): every message must carry it as account_sid. */
  accountSid: string
  /** The HTTP Basic user name: the account SID, or an API key SID (SK…) of that account. */
  username: string
  /** The HTTP Basic password: the auth token, or the API key's secret. Only the client reads it; nothing writes it. */
  secret: string
  /** Per-request time limit (headers and body), in milliseconds. */
  timeoutMs: number
}

/** A server known by its URL and account credentials (a reference server), addressed as the account itself. */
export function accountTarget(server: { url: string; accountSid: string; authToken: string }, timeoutMs: number): Target {
  return { baseUrl: server.url, accountSid: server.accountSid, username: server.accountSid, secret: server.authToken, timeoutMs }
}

/** Parses and normalises a base URL; throws a user-facing Error when it is not http(s). */
export function parseBaseUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`--target "${raw}" is not a URL; give the API base URL, e.g. https://conversations.twilio.com`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--target "${raw}" must be an http:// or https:// URL`)
  }
  if (url.username || url.password) {
    throw new Error('--target must not carry credentials; use --account-sid and --auth-token')
  }
  url.search = ''
  url.hash = ''
  // A trailing /v1 is a common slip: the suite adds /v1 itself.
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')
  return url
}

/** Whether the target is Twilio's own service (then the run is live unless told otherwise, and fires no webhooks unless allowed). */
export function isTwilioHosted(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase()
  return host === 'twilio.com' || host.endsWith('.twilio.com')
}
