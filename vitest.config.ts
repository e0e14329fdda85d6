import { defineConfig } from 'vitest/config'

// `npm test`: the self-tests of the engine, the reporters and the reference server. The conformance checks in
// suites/ are not run from here; the CLI runs them against a target (test/cli.test.ts drives it end to end).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'threads',
  },
})
