// The second of the two files vitest runs (see part-1.run.ts).
import { loadChecks } from './load-checks.ts'

await loadChecks(1)
