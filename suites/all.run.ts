// The one file vitest runs when the checks have one worker (src/cli/run-suites.ts): every check, run concurrently.
import { loadChecks } from './load-checks.ts'

await loadChecks(0, 1)
