import { expect, test } from 'vitest'
import { skipNotes } from './support/skip-note.ts'

// `npm test` skips the tests that need Twilio's sources in ../shared when they are missing: it says which and why.
test('a missing ../shared source is one line naming the tests that skip, what they need and where it was looked for', () => {
  const notes = skipNotes(() => false)
  expect(notes).toHaveLength(3)
  for (const line of notes) expect(line).toMatch(/^skipped: .*test\.ts.* \(they need .+, not found at \/.+shared.+; it lives in \.\.\/shared beside the clone, not in this repository\)$/)
  expect(skipNotes(() => true)).toEqual([])
})
