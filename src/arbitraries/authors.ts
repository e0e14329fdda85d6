import fc from 'fast-check'
import { withoutControls } from './bodies.ts'

/**
 * Author strings: identities as people write them (emails, phone numbers, names with spaces and unicode). Up to
 * 64 characters, visible at both ends (white-space trimming is not documented), never the reserved "system".
 */
export const author: fc.Arbitrary<string> = fc
  .oneof(
    fc.emailAddress(),
    fc.stringMatching(/^\+[1-9][0-9]{7,13}$/),
    fc.constantFrom('smee', 'regretfulUser', 'cake_lover', 'José Ñúñez', '山田太郎', 'user@example.com', 'whatsapp:+15005550006'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  )
  .map((s) => withoutControls(s).slice(0, 64).trim())
  .filter((s) => s.length > 0 && s !== 'system' && !/[\uD800-\uDBFF]$/.test(s))
