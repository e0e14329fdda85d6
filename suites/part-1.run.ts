// The first of the two files vitest runs, each in a worker thread of its own: half the check files each (see
// load-checks.ts). vitest runs the tests of one file concurrently (up to the profile's concurrency).
import { loadChecks } from './load-checks.ts'

await loadChecks(0)
