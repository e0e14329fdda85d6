// The second of the two files vitest runs when the checks have two workers (see part-1.run.ts).
import { loadChecks } from './load-checks.ts'

await loadChecks(1, 2)
