/** One HTTP request and its response, as the suite saw it. Secrets are never stored here. */
export interface Exchange {
  request: {
    method: string
    /** Path and query on the target, e.g. `/v1/Conversations/CH…/Messages?PageSize=2`. */
    path: string
    headers: Record<string, string>
    /** The form body as sent (already encoded), or undefined. */
    body?: string
    /** Which credentials went with it (never the credentials themselves): recordings replay by it. */
    credentials?: 'target' | 'none' | 'other'
  }
  response: {
    status: number
    headers: Record<string, string>
    /** The body as text ('' when empty). */
    text: string
  }
  /** The body parsed as JSON when it parses, else undefined. */
  json: unknown
  durationMs: number
}

/** True when the response declares a JSON media type. */
export function isJsonResponse(ex: Exchange): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(ex.response.headers['content-type'] ?? '')
}

export function parseJsonOrUndefined(text: string): unknown {
  if (text.length === 0) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
