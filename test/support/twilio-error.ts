// Assertions the reference server's self-tests share.
import { expect } from 'vitest'

/** A date as the reference server writes it: RFC 3339 in UTC, whole seconds. */
export const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** The response is Twilio's error envelope, as JSON, with this status and code. */
export function expectTwilioError(res: { status: number; headers: Record<string, unknown>; json: unknown }, status: number, code: number): void {
  expect(res.status).toBe(status)
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(res.json).toEqual({ code, message: expect.any(String), more_info: `https://www.twilio.com/docs/errors/${code}`, status })
}
