// The first of the two files vitest runs when the checks have two workers, each in a thread of its own: half the
// check files each (see load-checks.ts). vitest runs the tests of one file concurrently (up to the concurrency).
import { loadChecks } from './load-checks.ts'

await loadChecks(0, 2)
