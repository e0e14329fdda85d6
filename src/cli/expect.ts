import { type Expectations, loadExpectations } from '../report/expectations.ts'
import { UsageError } from './usage-error.ts'

/** `--expect FILE`, read before anything runs: a missing or invalid file is one line on stderr and exit 2. */
export function expectationsOption(file: string | undefined): Expectations | undefined {
  if (file === undefined) return undefined
  try {
    return loadExpectations(file)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}
