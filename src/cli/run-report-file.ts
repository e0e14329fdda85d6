import { readFileSync } from 'node:fs'
import type { RunReport } from '../report/run-report.ts'
import { validateById } from '../schemas/validate.ts'
import { UsageError } from './usage-error.ts'

const RUN_REPORT_SCHEMA = 'urn:conversations-conformance:schema:run-report'

/**
 * Reads a JSON run report a user names (a shard to merge, a bundle's report to verify). A file that is missing,
 * unreadable, not JSON or not a run report is one UsageError line, starting with `command` and ending with the
 * command's own hint for a missing file or a wrong one.
 */
export function readRunReportFile(file: string, command: string, hints: { missing?: string; notReport?: string } = {}): RunReport {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UsageError(`${command}: ${file}: ${code === 'ENOENT' ? `no such file${hints.missing ?? ''}` : code ? `cannot be read (${code})` : `not JSON (${(err as Error).message})`}`)
  }
  const issues = validateById(RUN_REPORT_SCHEMA, data)
  if (issues.length > 0) throw new UsageError(`${command}: ${file} is not a run report (${issues[0]!.message})${hints.notReport ?? ''}`)
  return data as RunReport
}
