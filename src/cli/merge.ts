/**
 * `conformance merge A.json B.json … --report FORMAT:PATH`: joins the JSON reports of shards (`--shard i/n`, run on
 * the machines of a CI matrix) into one run report with one verdict, in every format. The CI system's matrix is the
 * distributed engine; this is only the join. Shards of different suite versions, seeds, targets, profiles or levels
 * are refused: their verdicts are not about the same run.
 */
import { Command } from 'commander'
import { findRequirement, REQUIREMENTS } from '../catalogue/requirements.ts'
import type { Requirement } from '../catalogue/types.ts'
import type { KnownFailure } from '../report/expectations.ts'
import { buildRunReport, exitCodeOf, type RunReport } from '../report/run-report.ts'
import { parseReportSpec, REPORT_FORMATS, writeReports } from '../report/writers.ts'
import { printRunSummary } from './console.ts'
import { checkReportPaths } from './outputs.ts'
import { parseCommand } from './parse-command.ts'
import { readRunReportFile } from './run-report-file.ts'
import { UsageError } from './usage-error.ts'


export async function mergeCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const program = new Command('conformance merge')
    .description('Join the JSON reports of shards (--shard i/n) into one run report with one verdict.')
    .argument('<report...>', 'JSON run reports of the shards (--report json:PATH of each)')
    .option('--report <format:path>', `write the merged report; repeatable; formats: ${REPORT_FORMATS.join(', ')}`, (v: string, p: string[]) => [...p, v], [] as string[])
    .option('-q, --quiet', 'print only the failures and the verdict')
  if (parseCommand(program, argv, out, (message) => `merge: ${message} (see merge --help)`)) return 0
  const o = program.opts<{ report: string[]; quiet?: boolean }>()
  let specs
  try {
    specs = o.report.map(parseReportSpec)
  } catch (err) {
    throw new UsageError(`merge: ${(err as Error).message}`)
  }
  checkReportPaths(specs)
  const shards = program.args.map(readShard)
  const merged = mergeReports(shards.map((s) => s.report), shards.map((s) => s.file))
  const missing = missingShards(shards.map((s) => s.report))
  if (missing.length > 0) out.write(`not given: shard ${missing.join(', ')} of ${shards[0]!.report.selection.shard!.count}, so the verdict is partial\n`)
  printRunSummary(merged, out, o.quiet ? 'quiet' : 'normal')
  const written = await writeReports(merged, specs)
  if (!o.quiet) for (const file of written.written) out.write(`report written: ${file}\n`)
  for (const problem of written.failed) process.stderr.write(`conformance: ${problem}\n`)
  return written.failed.length > 0 ? Math.max(2, exitCodeOf(merged)) : exitCodeOf(merged)
}

function readShard(file: string): { file: string; report: RunReport } {
  return { file, report: readRunReportFile(file, 'merge', { notReport: '; give the --report json:PATH files of the shards' }) }
}

/** The shard numbers of the run that none of the reports is (none when they are not shards). */
function missingShards(reports: readonly RunReport[]): number[] {
  const count = reports[0]?.selection.shard?.count
  if (count === undefined) return []
  const given = new Set(reports.map((r) => r.selection.shard?.index))
  return Array.from({ length: count }, (_, i) => i + 1).filter((i) => !given.has(i))
}

/** One report from shard reports; throws a UsageError when they are not parts of the same run. */
export function mergeReports(reports: readonly RunReport[], files: readonly string[]): RunReport {
  const first = reports[0]
  if (!first) throw new UsageError('merge: give the JSON reports of the shards to merge')
  const same = (what: string, of: (r: RunReport) => unknown) => {
    reports.forEach((r, i) => {
      if (JSON.stringify(of(r)) !== JSON.stringify(of(first))) {
        throw new UsageError(`merge: ${files[i]} has ${what} ${JSON.stringify(of(r))} but ${files[0]} has ${JSON.stringify(of(first))}: shards of one run share it`)
      }
    })
  }
  same('suite version', (r) => `${r.suite.name} ${r.suite.version}`)
  same('seed', (r) => r.seed)
  // The embedded reference server listens on a new port each run: its shards are of one target all the same.
  same('target', (r) => (r.target.embedded ? 'the embedded reference server' : r.target.url))
  same('profile', (r) => r.profile)
  same('level', (r) => r.level)
  same('runs', (r) => r.runs ?? null)
  same('shard count', (r) => r.selection.shard?.count ?? null)
  const owner = new Map<string, string>()
  const requirements: Requirement[] = []
  const known: KnownFailure[] = []
  reports.forEach((report, i) => {
    for (const r of report.results) {
      const other = owner.get(r.id)
      if (other) throw new UsageError(`merge: ${r.id} is in both ${other} and ${files[i]}: give each shard once`)
      owner.set(r.id, files[i]!)
      const requirement = findRequirement(r.id)
      if (!requirement) throw new UsageError(`merge: ${files[i]} judges ${r.id}, which this suite's catalogue does not have`)
      requirements.push(requirement)
      if (r.expectation) known.push({ id: r.id, reason: r.expectation.reason, expires: r.expectation.expires })
    }
  })
  const ordered = REQUIREMENTS.filter((r) => owner.has(r.id))
  const startedAt = new Date(Math.min(...reports.map((r) => Date.parse(r.startedAt))))
  const ended = Math.max(...reports.map((r) => Date.parse(r.startedAt) + r.durationMs))
  const interrupted = reports.find((r) => r.interrupted)?.interrupted
  return buildRunReport(
    ordered,
    reports.flatMap((r) => r.results.flatMap((x) => x.checks)),
    {
      suite: first.suite,
      target: first.target,
      profile: first.profile,
      seed: first.seed,
      ...(first.runs !== undefined ? { runs: first.runs } : {}),
      selection: { prefixes: first.selection.prefixes, catalogue: REQUIREMENTS.length },
      ...(interrupted ? { interrupted } : {}),
      settleMs: first.settle.settleMs,
      startedAt,
      durationMs: ended - startedAt.getTime(),
      runErrors: reports.flatMap((r, i) => r.runErrors.map((e) => `${files[i]}: ${e}`)),
      level: first.level,
      ...(first.expectations ? { expectations: { file: first.expectations.file, target: first.expectations.target, known } } : {}),
    },
  )
}
