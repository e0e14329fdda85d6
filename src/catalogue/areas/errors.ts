import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req } from './define.ts'

export const ERRORS: readonly Requirement[] = [
  // Errors
  req('msg.errors.format', 'must', 'docs', DOC.errors,
    'Every error is JSON with code, message, more_info and status, and status equals the HTTP status'),
  req('msg.errors.not-found-code', 'should', 'observed', DOC.errors, 'A 404 carries Twilio error code 20404'),
  req('msg.errors.more-info', 'should', 'observed', DOC.errors, 'more_info is https://www.twilio.com/docs/errors/{code}'),
]
