import pc from 'picocolors'
import type { RequirementResult, RunReport } from '../report/run-report.ts'

const MARK: Record<RequirementResult['status'], string> = {
  passed: pc.green('✓'),
  failed: pc.red('✗'),
  error: pc.yellow('!'),
  skipped: pc.dim('-'),
}

/** One line per requirement, grouped by area, then the verdict and a count line. */
export function printRunSummary(report: RunReport, out: NodeJS.WritableStream = process.stdout): void {
  let area = ''
  for (const r of report.results) {
    if (r.area !== area) {
      area = r.area
      out.write(`\n${pc.bold(area)}\n`)
    }
    out.write(`  ${MARK[r.status]} ${levelTag(r)} ${r.id}  ${pc.dim(r.summary)}\n`)
    if (r.status === 'failed' || r.status === 'error') out.write(`      ${r.status === 'failed' ? pc.red(r.message) : pc.yellow(r.message)}\n`)
  }
  for (const e of report.runErrors) out.write(pc.red(`\nrun error: ${e}\n`))
  const s = report.summary
  const verdictColour = report.verdict === 'CONFORMANT' ? pc.green : report.verdict === 'NOT CONFORMANT' ? pc.red : pc.yellow
  out.write(`\n${verdictColour(pc.bold(report.verdict))}  target ${report.target.url}${report.target.embedded ? ' (embedded reference server)' : ''}\n`)
  out.write(
    `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.error} setup errors` +
      `  (${s.total} requirements, ${report.requests} requests, ${(report.durationMs / 1000).toFixed(1)} s)\n`,
  )
}

function levelTag(r: RequirementResult): string {
  const tag = r.level.padEnd(6)
  return r.level === 'must' ? pc.bold(tag) : pc.dim(tag)
}
