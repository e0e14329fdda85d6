/**
 * Which Message operation a recorded exchange is: from its method and path, or, for a bare body, from its shape.
 */
export type Operation = 'create' | 'fetch' | 'list' | 'update' | 'delete'
export type Scope = 'default' | 'service'

export interface RecognisedRequest {
  operation: Operation
  scope: Scope
  conversationSid: string
  serviceSid?: string
  messageSid?: string
  /** The list path (…/Messages), as in the request. */
  listPath: string
  query: URLSearchParams
}

// Anything before /v1 is a proxy's prefix; the SIDs are whatever the path holds (a malformed one is the server's to
// refuse, and a 404 for it is still judged as an error).
const MESSAGES_PATH = /^(?:.*)?(\/v1\/(?:Services\/([^/]+)\/)?Conversations\/([^/]+)\/Messages)(?:\/([^/]+))?\/?$/

/** The operation of a request, or undefined when it is not one of the ten Message routes. */
export function recogniseRequest(method: string, path: string): RecognisedRequest | undefined {
  const q = path.indexOf('?')
  const pathname = q === -1 ? path : path.slice(0, q)
  const m = MESSAGES_PATH.exec(pathname)
  if (!m) return undefined
  const [, listPath, service, conversation, message] = m
  const verb = method.toUpperCase()
  const operation: Operation | undefined = message
    ? verb === 'GET'
      ? 'fetch'
      : verb === 'POST'
        ? 'update'
        : verb === 'DELETE'
          ? 'delete'
          : undefined
    : verb === 'GET'
      ? 'list'
      : verb === 'POST'
        ? 'create'
        : undefined
  if (!operation) return undefined
  return {
    operation,
    scope: service ? 'service' : 'default',
    conversationSid: safeDecode(conversation!),
    ...(service ? { serviceSid: safeDecode(service) } : {}),
    ...(message ? { messageSid: safeDecode(message) } : {}),
    listPath: listPath!,
    query: new URLSearchParams(q === -1 ? '' : path.slice(q + 1)),
  }
}

export type BodyShape = 'page' | 'error' | 'message'

/** A bare body's kind: a page has meta and messages, an error code, status and more_info, a message an IM sid. */
export function shapeOf(body: unknown): BodyShape | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined
  const o = body as Record<string, unknown>
  if ('meta' in o && 'messages' in o) return 'page'
  if ('code' in o && 'status' in o && 'more_info' in o) return 'error'
  if (typeof o['sid'] === 'string' && o['sid'].startsWith('IM')) return 'message'
  return undefined
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
