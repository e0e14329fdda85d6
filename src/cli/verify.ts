/**
 * `conformance verify BUNDLE`: a certificate is worth something only if anyone can check it, and a bundle says what
 * it proves, never more. Three levels, each on top of the one before:
 * - consistent: the report is what the recording shows. The bundle holds together (src/cli/verify-bundle.ts) and the
 *   recording, replayed offline, re-derives every check's status as its manifest recorded it and every requirement's
 *   verdict as the report states it. Anyone who holds a bundle can make a consistent one.
 * - authentic (--public-key): the bundle is, file by file, what the holder of the key signed (src/record/signature.ts).
 * - checked against the target (--against URL): a seeded sample of its requirements, re-run live with the bundle's
 *   seed, has the bundle's verdicts (src/cli/verify-against.ts).
 */
import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { Command } from 'commander'
import { MANIFEST_FILE } from '../record/manifest.ts'
import { checkBundleSignature, readPublicKey, SIGNATURE_FILE, type Statement } from '../record/signature.ts'
import type { RunReport } from '../report/run-report.ts'
import { mergeReports } from './merge.ts'
import { DEFAULT_LEDGER_DIR, DEFAULT_SETTLE_MS, wholeNumber } from './options.ts'
import { parseCommand } from './parse-command.ts'
import { readRecordingManifest } from './recording.ts'
import { executeRun } from './run.ts'
import { readRunReportFile } from './run-report-file.ts'
import { suiteIdentity } from './suite-identity.ts'
import { UsageError } from './usage-error.ts'
import { againstCredentials, nowhere, spotCheck } from './verify-against.ts'
import { type BundleRecording, bundleTarget, checkMismatches, judged, labeller, recordingProblems, runMismatches } from './verify-bundle.ts'

const HELP_AFTER = `
A bundle is what a certified run leaves in one folder:
  npx conformance --target URL … --seed N --record BUNDLE/recording --report json:BUNDLE/report.json --report html:BUNDLE/certificate.html
A shard's bundle is the same with --shard i/n; the merged report of n shards verifies against their n recordings:
  npx conformance verify CERT --report CERT/report.json --recording CERT/shard-1/recording --recording CERT/shard-2/recording …

What verify checks, in order (each refusal names the file or the field):
  1. with --public-key: BUNDLE/${SIGNATURE_FILE} is the key's signature, and every file in BUNDLE is as signed
     (a file added, removed or changed is named)
  2. the bundle holds together: the report's suite version, seed, profile, --runs, selection, shard and target are
     the recording's; every cassette the manifest lists is there, is JSON, and was recorded against that target;
     no cassette was added; every check has the status the manifest recorded
  3. the recording, replayed offline (no network), gives every check the status the manifest recorded, and every
     requirement the verdict the report states
  4. with --against URL: a sample of the requirements, re-run live with the bundle's seed, gets the same verdicts
What it proves: 2 and 3 alone, that the bundle is consistent, not who made it ("consistent (not authenticated)");
with 1, that the holder of the key vouches for it; with 4, that the target does today what the bundle says.

--against takes the credentials from the environment: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY
and TWILIO_API_SECRET with TWILIO_ACCOUNT_SID (and TWILIO_CONVERSATIONS_SERVICE_SID if needed). The sample is drawn
with --sample-seed (random when not given) and printed with the command that repeats it. What the live run creates
is deleted at its end, as in any run.

Exit status: 0 verified (whatever the bundle's own verdict); 1 refused: the bundle, or the target, does not show
what the report says (each difference is named); 2 the bundle cannot be read (no report.json, no manifest), the key
is not an Ed25519 public key, the bundle was made by another version of the suite, or --against could not judge.`

const MAX_SHOWN = 20
/** Requirements --against re-runs unless --sample says: enough to catch a bundle of another server, quick to run. */
const DEFAULT_SAMPLE = 10

interface VerifyFlags {
  report?: string
  recording: string[]
  publicKey?: string
  against?: string
  sample?: string
  sampleSeed?: string
}

export async function verifyCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = new Command('conformance verify')
    .description('Check a certification bundle: its signature (--public-key), that it holds together, its verdicts re-derived offline from its recording, and optionally a sample re-run against the target (--against).')
    .argument('<bundle>', 'the folder holding report.json and recording/ (and signature.json when signed)')
    .option('--report <file>', 'the JSON run report (default: BUNDLE/report.json)')
    .option('--recording <dir>', 'a --record folder; repeat for each shard of a merged report (default: BUNDLE/recording)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--public-key <file>', "the signer's Ed25519 public key (PEM): refuse a bundle it did not sign, or that changed since")
    .option('--against <url>', 're-run a sample of the requirements against the live target at URL (credentials from the environment)')
    .option('--sample <n>', `with --against: how many requirements to re-run (default ${DEFAULT_SAMPLE})`)
    .option('--sample-seed <n>', 'with --against: the seed that draws the sample (repeats an earlier spot check)')
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
  if (parseCommand(program, argv, out, (message) => `verify: ${message} (see verify --help)`)) return 0
  const bundle = resolve(program.args[0]!)
  const o = program.opts<VerifyFlags>()
  const reportFile = resolve(o.report ?? join(bundle, 'report.json'))
  const recordingDirs = (o.recording.length > 0 ? o.recording : [join(bundle, 'recording')]).map((d) => resolve(d))
  if (o.against === undefined && (o.sample !== undefined || o.sampleSeed !== undefined)) throw new UsageError(`verify: ${o.sample !== undefined ? '--sample' : '--sample-seed'} only applies with --against URL`)
  const sample = o.against !== undefined ? { size: flagNumber('--sample', o.sample ?? String(DEFAULT_SAMPLE), 1), ...(o.sampleSeed !== undefined ? { seed: flagNumber('--sample-seed', o.sampleSeed, 0) } : {}) } : undefined
  if (o.against !== undefined) againstCredentials(o.against, env)
  const label = labeller(bundle)

  // 1. Authenticity first: nothing in a bundle that fails it is worth reading further.
  let signed: Statement | undefined
  if (o.publicKey !== undefined) {
    for (const p of [reportFile, ...recordingDirs]) {
      if (relative(bundle, p).startsWith('..')) throw new UsageError(`verify: ${p} is outside ${bundle}: a signature covers only the bundle's folder`)
    }
    let key
    try {
      key = readPublicKey(o.publicKey)
    } catch (err) {
      throw new UsageError(`verify: ${(err as Error).message}`)
    }
    const checked = checkBundleSignature(bundle, key, o.publicKey)
    if ('problems' in checked) return refuse(out, `the bundle is not what the holder of ${o.publicKey} signed`, checked.problems)
    signed = checked.statement
  }

  // 2. The bundle holds together.
  const claimed = readRunReportFile(reportFile, 'verify', { missing: " (a bundle needs the run's --report json:…)" })
  const recordings: BundleRecording[] = recordingDirs.map((dir) => {
    if (!existsSync(join(dir, MANIFEST_FILE))) throw new UsageError(`verify: ${dir} holds no recording (no ${MANIFEST_FILE}): a bundle needs the run's --record folder`)
    return { dir, manifest: readRecordingManifest(dir) }
  })
  const reportLabel = label(reportFile)
  const problems = [
    ...(signed && (signed.suite.version !== claimed.suite.version || signed.target !== bundleTarget(claimed.target))
      ? [`${SIGNATURE_FILE}: signed for ${signed.suite.name} ${signed.suite.version} and ${signed.target}, but ${reportLabel} is of ${claimed.suite.version} and ${bundleTarget(claimed.target)}`]
      : []),
    ...runMismatches(claimed, reportLabel, recordings, label),
    ...recordingProblems(recordings, label),
    ...checkMismatches(claimed, reportLabel, recordings, label),
  ]
  if (problems.length > 0) return refuse(out, 'the report and the recording are not of one run, or the recording is not whole', problems)

  // Another version of the suite may judge otherwise: the bundle is verified with the one that made it.
  const suite = suiteIdentity()
  if (claimed.suite.version !== suite.version) {
    throw new UsageError(`verify: the bundle was made by ${claimed.suite.name} ${claimed.suite.version}, this is ${suite.version}: verify with that version (npx ${claimed.suite.name}@${claimed.suite.version} verify …)`)
  }

  // 3. The recording shows what the manifest and the report say.
  const derivedReports: RunReport[] = []
  const differences: string[] = []
  for (const { dir, manifest } of recordings) {
    const derived = await replayRecording(dir, claimed)
    derivedReports.push(derived)
    const files = new Map(manifest.checks.map((c) => [c.name, c]))
    for (const c of derived.results.flatMap((r) => r.checks)) {
      const recorded = files.get(c.name)
      if (recorded && recorded.status !== c.status) differences.push(`${label(join(dir, recorded.file))}: ${label(join(dir, MANIFEST_FILE))} records ${c.name} as ${recorded.status}, replaying the cassette gives ${c.status}${c.message ? ` (${c.message})` : ''}`)
    }
  }
  const derived = derivedReports.length === 1 ? derivedReports[0]! : mergeReports(derivedReports, recordingDirs.map(label))
  differences.push(...verdictDifferences(claimed, derived, reportLabel))
  if (differences.length > 0) return refuse(out, 'the report says what the recording does not show', differences)

  const cassettes = recordings.reduce((n, r) => n + r.manifest.checks.length, 0)
  const where = recordings.map((r) => label(r.dir)).join(', ')
  out.write(
    `verified: ${reportLabel} is what ${where} ${recordings.length === 1 ? 'shows' : 'show'}, re-derived offline: ${claimed.verdict}` +
      `${claimed.selection.partial ? ` (partial: ${claimed.selection.requirements} of ${claimed.selection.catalogue} requirements)` : ''}, ` +
      `${claimed.results.length} requirements from ${cassettes} cassettes; target ${bundleTarget(claimed.target)}, seed ${claimed.seed}, ${claimed.startedAt}\n`,
  )
  out.write(
    signed
      ? `  authentic: signed by the holder of the key ${signed.key} (${o.publicKey}); each of its ${signed.files.length} files is as signed\n`
      : `  consistent (not authenticated): this bundle could have been produced by anyone who holds it` +
          `${existsSync(join(bundle, SIGNATURE_FILE)) ? `; it carries a signature (${SIGNATURE_FILE}), which only --public-key checks` : '; a signed one verifies with --public-key'}\n`,
  )
  if (o.against === undefined || !sample) {
    out.write(`  not checked against the target: --against URL re-runs a sample of it there\n`)
    return 0
  }

  // 4. The target does today what the bundle says.
  const spot = await spotCheck({ url: o.against, size: sample.size, ...(sample.seed !== undefined ? { seed: sample.seed } : {}), claimed, env })
  out.write(`${spot.lines.map((l) => `  ${l}\n`).join('')}`)
  out.write(`  repeat it: npx conformance verify ${repeatArgs(argv, sample.size, spot.sampleSeed).join(' ')}\n`)
  if (spot.differences.length > 0) return refuse(out, `the target at ${o.against} does not do what the bundle says`, spot.differences)
  if (spot.unjudged.length > 0) {
    out.write(`could not judge every sampled requirement against ${o.against}:\n${spot.unjudged.map((d) => `  - ${d}\n`).join('')}`)
    return 2
  }
  return 0
}

/** The recording in `dir` replayed offline, as the recorded run (its selection, shard, seed, profile, --runs). */
async function replayRecording(dir: string, claimed: RunReport): Promise<RunReport> {
  const replayed = await executeRun(
    {
      reports: [],
      timeoutMs: 10_000,
      settleMs: DEFAULT_SETTLE_MS,
      select: [],
      list: false,
      level: claimed.level,
      output: 'quiet',
      recordExisting: 'refuse',
      replay: dir,
      redact: [],
      ledgerDir: DEFAULT_LEDGER_DIR,
    },
    { out: nowhere(), err: nowhere(), progress: false },
  )
  if (!replayed.report) throw new UsageError(`verify: the recording in ${dir} could not be replayed`)
  return replayed.report
}

/** Where the report's verdict and requirement statuses differ from the ones derived from the recording. */
function verdictDifferences(claimed: RunReport, derived: RunReport, reportLabel: string): string[] {
  const differences: string[] = []
  const derivedById = new Map(derived.results.map((r) => [r.id, r]))
  for (const r of claimed.results) {
    const d = derivedById.get(r.id)
    if (!d) differences.push(`${reportLabel}: ${r.id} is in the report, not in the recording`)
    else if (judged(d.status) !== judged(r.status)) differences.push(`${reportLabel}: ${r.id} is ${r.status} in the report, the recording shows ${d.status}${d.status === 'failed' ? ` (${d.message})` : ''}`)
  }
  for (const d of derived.results) if (!claimed.results.some((r) => r.id === d.id)) differences.push(`${reportLabel}: ${d.id} is in the recording, not in the report`)
  if (derived.verdict !== claimed.verdict) differences.unshift(`${reportLabel} verdict: the report says ${claimed.verdict}, the recording shows ${derived.verdict}`)
  return differences
}

/** The command line that repeats this spot check: the same flags, the sample's size and seed spelled out. */
function repeatArgs(argv: readonly string[], size: number, seed: number): string[] {
  const kept: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--sample' || a === '--sample-seed') i++
    else if (!a.startsWith('--sample=') && !a.startsWith('--sample-seed=')) kept.push(a)
  }
  return [...kept, '--sample', String(size), '--sample-seed', String(seed)]
}

function flagNumber(flag: string, text: string, min: number): number {
  try {
    return wholeNumber(flag, text, min)
  } catch (err) {
    throw new UsageError(`verify: ${(err as Error).message}`)
  }
}

function refuse(out: NodeJS.WritableStream, why: string, differences: readonly string[]): number {
  // The first differences say what is wrong; hundreds of lines more (a shard missing) would only bury them.
  const shown = differences.slice(0, MAX_SHOWN)
  const more = differences.length - shown.length
  out.write(`REFUSED: ${why}\n${shown.map((d) => `  - ${d}\n`).join('')}${more > 0 ? `  … and ${more} more\n` : ''}`)
  return 1
}
