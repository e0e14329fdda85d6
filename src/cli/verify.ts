/**
 * `conformance verify BUNDLE`: a certificate is worth something only if anyone can check it. A certification bundle
 * is the run's JSON report (report.json) and its --record folder (recording/), plus whatever else (the HTML
 * certificate). Verify replays the recording offline (no network, no target) and re-derives every requirement's
 * status and the verdict; it refuses a bundle whose report says anything the recording does not show.
 */
import { existsSync } from 'node:fs'
import { Writable } from 'node:stream'
import { join, resolve } from 'node:path'
import { Command } from 'commander'
import { readManifest } from '../record/manifest.ts'
import { DEFAULT_SETTLE_MS } from './options.ts'
import { executeRun } from './run.ts'
import { suiteIdentity } from './suite-identity.ts'
import { parseCommand } from './parse-command.ts'
import { readRunReportFile } from './run-report-file.ts'
import { UsageError } from './usage-error.ts'

const HELP_AFTER = `
A bundle is what a certified run leaves:
  npx conformance --target URL … --record BUNDLE/recording --report json:BUNDLE/report.json --report html:BUNDLE/certificate.html
Verify replays BUNDLE/recording offline and compares, requirement by requirement, with BUNDLE/report.json.

Exit status: 0 the report is what the recording shows; 1 they disagree (each difference is named); 2 the bundle is
incomplete or unreadable, or was made by another version of the suite.`

const nowhere = () => new Writable({ write: (_chunk, _encoding, done) => done() })

export async function verifyCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const program = new Command('conformance verify')
    .description('Re-derive a certification bundle\'s verdict offline from its recording, and refuse a report the recording does not show.')
    .argument('<bundle>', 'the folder holding report.json and recording/')
    .option('--report <file>', 'the JSON run report (default: BUNDLE/report.json)')
    .option('--recording <dir>', 'the --record folder (default: BUNDLE/recording)')
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
  if (parseCommand(program, argv, out, (message) => `verify: ${message} (see verify --help)`)) return 0
  const bundle = resolve(program.args[0]!)
  const o = program.opts<{ report?: string; recording?: string }>()
  const reportFile = o.report ?? join(bundle, 'report.json')
  const recordingDir = o.recording ?? join(bundle, 'recording')
  const claimed = readRunReportFile(reportFile, 'verify', { missing: " (a bundle needs the run's --report json:…)" })
  if (!existsSync(join(recordingDir, 'manifest.json'))) throw new UsageError(`verify: ${recordingDir} holds no recording (no manifest.json): a bundle needs the run's --record folder`)
  const manifest = (() => {
    try {
      return readManifest(recordingDir)
    } catch (err) {
      throw new UsageError(`verify: ${(err as Error).message}`)
    }
  })()

  // The report and the recording must be of the same run, and of this suite: another version may judge otherwise.
  const suite = suiteIdentity()
  if (claimed.suite.version !== suite.version) {
    throw new UsageError(`verify: the report was made by ${claimed.suite.name} ${claimed.suite.version}, this is ${suite.version}: verify with that version (npx ${claimed.suite.name}@${claimed.suite.version} verify …)`)
  }
  const mismatches = [
    claimed.seed !== manifest.seed ? `seed ${claimed.seed} in the report, ${manifest.seed} in the recording` : '',
    claimed.profile !== manifest.profile ? `profile ${claimed.profile} in the report, ${manifest.profile} in the recording` : '',
    manifest.suite.version !== suite.version ? `the recording was made by ${manifest.suite.name} ${manifest.suite.version}` : '',
  ].filter(Boolean)
  if (mismatches.length > 0) return refuse(out, `the report and the recording are not of the same run: ${mismatches.join('; ')}`, [])

  const select = claimed.selection.prefixes
  const replayed = await executeRun(
    {
      reports: [],
      timeoutMs: 10_000,
      settleMs: DEFAULT_SETTLE_MS,
      select,
      list: false,
      level: claimed.level,
      output: 'quiet',
      recordExisting: 'refuse',
      replay: recordingDir,
      redact: [],
      ledgerDir: join(bundle, '.ledgers'),
    },
    { out: nowhere(), err: nowhere(), progress: false },
  )
  const derived = replayed.report
  if (!derived) throw new UsageError(`verify: the recording in ${recordingDir} could not be replayed`)

  const differences: string[] = []
  const derivedById = new Map(derived.results.map((r) => [r.id, r]))
  for (const r of claimed.results) {
    const d = derivedById.get(r.id)
    if (!d) differences.push(`${r.id}: in the report, not in the recording`)
    else if (judged(d.status) !== judged(r.status)) differences.push(`${r.id}: the report says ${r.status}, the recording shows ${d.status}${d.status === 'failed' ? ` (${d.message})` : ''}`)
  }
  for (const d of derived.results) if (!claimed.results.some((r) => r.id === d.id)) differences.push(`${d.id}: in the recording, not in the report`)
  if (derived.verdict !== claimed.verdict) differences.unshift(`verdict: the report says ${claimed.verdict}, the recording shows ${derived.verdict}`)
  if (differences.length > 0) return refuse(out, 'the report says what the recording does not show', differences)

  const cassettes = manifest.checks.length
  out.write(
    `verified: ${reportFile} is what ${recordingDir} shows, re-derived offline: ${claimed.verdict}` +
      `${claimed.selection.partial ? ` (partial: ${claimed.selection.requirements} of ${claimed.selection.catalogue} requirements)` : ''}, ` +
      `${claimed.results.length} requirements from ${cassettes} cassettes; target ${claimed.target.url}, seed ${claimed.seed}, ${claimed.startedAt}\n`,
  )
  return 0
}

/** What the target did, without an expectations file's say on it (known failures and unexpected passes). */
function judged(status: string): string {
  return status === 'known-failure' ? 'failed' : status === 'unexpected-pass' ? 'passed' : status
}

function refuse(out: NodeJS.WritableStream, why: string, differences: readonly string[]): number {
  out.write(`REFUSED: ${why}\n${differences.map((d) => `  - ${d}\n`).join('')}`)
  return 1
}

