import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req } from './define.ts'

export const AUTH: readonly Requirement[] = [
  // Auth
  req('msg.auth.no-credentials', 'must', 'docs', DOC.auth,
    'Every message operation without credentials is refused with 401 and Twilio error 20003, and does nothing'),
  req('msg.auth.wrong-credentials', 'must', 'docs', DOC.auth,
    'Every message operation with a wrong auth token is refused with 401 and Twilio error 20003, and does nothing'),
  req('msg.auth.wrong-username', 'must', 'docs', DOC.auth,
    'Every message operation with the right password (auth token or API key secret) under another user name (another AC SID, or another SK SID for a key) is refused with 401 and Twilio error 20003, and does nothing'),
]
