// Twilio's classic REST error body. Every failure the server produces goes through ApiError so
// that the shape (code, message, more_info, status) can never drift between call sites.

export interface TwilioErrorBody {
  code: number
  message: string
  more_info: string
  status: number
}

export class ApiError extends Error {
  readonly status: number
  readonly code: number
  /** Extra response headers, e.g. `Allow` on a 405 or `WWW-Authenticate` on a 401. */
  readonly headers: Readonly<Record<string, string>>

  constructor(status: number, code: number, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.headers = headers
  }

  toBody(): TwilioErrorBody {
    // `status` repeats the HTTP status on purpose: Twilio's helper libraries read it from the body.
    return { code: this.code, message: this.message, more_info: `https://www.twilio.com/docs/errors/${this.code}`, status: this.status }
  }
}

/** 20003: Twilio answers a missing or wrong credential with exactly this body and a Basic challenge. */
export function unauthorized(): ApiError {
  return new ApiError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' })
}

/**
 * 20404. `path` is the request path as sent; Twilio's message omits the `/v1` version prefix
 * ("The requested resource /Conversations/CH… was not found").
 */
export function notFound(path: string): ApiError {
  const shown = path.startsWith('/v1/') ? path.slice(3) : path === '/v1' ? '/' : path
  return new ApiError(404, 20404, `The requested resource ${shown} was not found`)
}

/** 20001 is Twilio's generic "invalid parameter"; the message names the parameter at fault. */
export function invalidParameter(message: string): ApiError {
  return new ApiError(400, 20001, message)
}

/** 20403: the credentials are valid but may not do this (a restricted API key, under the `restricted-key` condition). */
export function forbidden(message: string): ApiError {
  return new ApiError(403, 20403, message)
}

export function methodNotAllowed(allowed: readonly string[]): ApiError {
  return new ApiError(405, 20004, 'Method not allowed', { Allow: allowed.join(', ') })
}

export function conflict(code: number, message: string): ApiError {
  return new ApiError(409, code, message)
}

// Twilio publishes no error code for these transport-level statuses. We follow the pattern of the
// codes it does publish for HTTP conditions (20404, 20429, 20500: "20" + the status) so that a
// client can still treat every error body the same way.
export function payloadTooLarge(limitBytes: number): ApiError {
  return new ApiError(413, 20413, `Request body must be at most ${limitBytes} bytes`)
}

/** 20429: "never processed … always safe to retry" (Twilio's error page). */
export function tooManyRequests(headers: Record<string, string> = {}): ApiError {
  return new ApiError(429, 20429, 'Too Many Requests', headers)
}

/** 20503: the request was refused before it was processed, so a retry cannot do anything twice. */
export function serviceUnavailable(): ApiError {
  return new ApiError(503, 20503, 'Service Unavailable')
}

export function internalError(): ApiError {
  return new ApiError(500, 20500, 'Internal Server Error')
}
