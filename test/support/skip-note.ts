/**
 * vitest globalSetup: says why some tests skip. A few self-tests compare the suite with Twilio's own sources, which
 * are not in this repository but in ../shared beside the clone (the doc page in seed/, the OpenAPI file and the
 * recorded fixtures in reference/); where one is missing those tests skip, and the summary would only count them.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DOC_PAGE_FILE } from '../../src/coverage/doc-page.ts'
import { FULL_FILE } from '../../src/coverage/extract.ts'

const SOURCES: Array<{ file: string; what: string; tests: string }> = [
  { file: DOC_PAGE_FILE, what: "the Message doc page (Twilio's words the catalogue quotes)", tests: 'coverage.test.ts and schemas.test.ts: the quoted doc phrases and the raw doc examples' },
  { file: FULL_FILE, what: "Twilio's full OpenAPI file", tests: 'coverage.test.ts and schemas.test.ts: the vendored extract and the Conversation examples' },
  { file: fileURLToPath(new URL('../../../shared/reference/fixtures/', import.meta.url)), what: 'the recorded reference fixtures', tests: 'schemas.test.ts: the reference fixtures' },
]

/** The lines to print: one per missing source, naming it, where it was looked for and the tests that skip. */
export function skipNotes(exists: (file: string) => boolean = existsSync): string[] {
  return SOURCES.filter((s) => !exists(s.file)).map((s) => `skipped: ${s.tests} (they need ${s.what}, not found at ${s.file}; it lives in ../shared beside the clone, not in this repository)`)
}

export default function setup(): void {
  for (const line of skipNotes()) process.stdout.write(`${line}\n`)
}
