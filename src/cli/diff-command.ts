/**
 * `conformance diff BEFORE.json AFTER.json [--report markdown:PATH] [--report json:PATH]`: what changed between two
 * run reports of one target (src/report/diff.ts). Exit 1 when a `must` went from passed to failed, else 0: news is
 * not a failure. A file that is not a run report is one line, exit 2.
 */
import { writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Command } from 'commander'
import { diffReports } from '../report/diff.ts'
import { renderDiffLines, renderDiffMarkdown } from '../report/diff-render.ts'
import { parseReportSpec, type ReportSpec } from '../report/writers.ts'
import { makeFolders } from '../run/folders.ts'
import { checkReportPaths } from './outputs.ts'
import { parseCommand } from './parse-command.ts'
import { readRunReportFile } from './run-report-file.ts'
import { UsageError } from './usage-error.ts'

const DIFF_FORMATS = ['markdown', 'json']

export async function diffCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const program = new Command('conformance diff')
    .description('What changed between two JSON run reports of the same target: statuses, readings, properties, error codes, latency.')
    .argument('<before>', 'the earlier run report (--report json:PATH of that run)')
    .argument('<after>', 'the later run report')
    .option('--report <format:path>', `also write the diff; repeatable; formats: ${DIFF_FORMATS.join(', ')}`, (v: string, p: string[]) => [...p, v], [] as string[])
    .option('-q, --quiet', 'print only the last line')
  if (parseCommand(program, argv, out, (message) => `diff: ${message} (see diff --help)`)) return 0
  const o = program.opts<{ report: string[]; quiet?: boolean }>()
  const specs = o.report.map(diffSpec)
  checkReportPaths(specs)
  const [beforeFile, afterFile] = program.args as [string, string]
  const hint = { notReport: '; give two --report json:PATH files of conformance runs' }
  const diff = diffReports(readRunReportFile(beforeFile, 'diff', hint), readRunReportFile(afterFile, 'diff', hint), { before: beforeFile, after: afterFile })
  const lines = renderDiffLines(diff)
  for (const spec of specs) {
    const file = resolve(spec.path)
    makeFolders(dirname(file))
    writeFileSync(file, spec.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : renderDiffMarkdown(diff))
    lines.splice(-1, 0, `diff written: ${file}`)
  }
  // The headline (what changed, in one line) is the last line, also with --quiet.
  for (const line of o.quiet ? lines.slice(-1) : lines) out.write(`${line}\n`)
  return diff.exitCode
}

function diffSpec(text: string): ReportSpec {
  let spec: ReportSpec
  try {
    spec = parseReportSpec(text)
  } catch (err) {
    throw new UsageError(`diff: ${(err as Error).message.replace(/use one of: .*$/, `use one of: ${DIFF_FORMATS.join(', ')}`)}`)
  }
  if (!DIFF_FORMATS.includes(spec.format)) throw new UsageError(`diff: --report format "${spec.format}" is not one diff writes; use one of: ${DIFF_FORMATS.join(', ')}`)
  return spec
}
