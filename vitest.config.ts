import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The package's own name resolves to its sources here, so the recipes in test/recipes/ import it exactly as the docs
// show a user (and as an installed copy resolves it, through the exports map, to dist/).
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// `npm test`: the self-tests of the engine, the reporters and the reference server. The conformance checks in
// suites/ are not run from here; the CLI runs them against a target (test/cli.test.ts drives it end to end).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^twilio-conversations-message-conformance\/vitest$/, replacement: source('./src/lib/vitest.ts') },
      { find: /^twilio-conversations-message-conformance$/, replacement: source('./src/lib/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Prints why the tests that need ../shared (Twilio's doc page, OpenAPI file, fixtures) skip, where it is missing.
    globalSetup: ['test/support/skip-note.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'threads',
  },
})
