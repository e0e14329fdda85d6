import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Agent } from 'undici'
import { startReferenceServer } from '../../mock/server.ts'
import { REQUIREMENTS, selectRequirements } from '../catalogue/requirements.ts'
import type { Target } from '../client/target.ts'
import type { CheckResult } from '../report/check-result.ts'
import { exitCodeOf, buildRunReport } from '../report/run-report.ts'
import { writeReports } from '../report/writers.ts'
import { printRunSummary } from './console.ts'
import { expectationsOption } from './expect.ts'
import { printRequirementList } from './list.ts'
import { loadReplay, type Replay, startRecording } from './recording.ts'
import { parseRunOptions, type RunOptions } from './options.ts'
import { preflight } from './preflight.ts'
import { createProgress } from './progress.ts'
import { PACKAGE_ROOT, runSuites } from './run-suites.ts'
import { UsageError } from './usage-error.ts'
import { validateCommand } from './validate-command.ts'

/** `conformance [options] [prefix...]`: returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    if (argv[0] === 'validate') return await validateCommand(argv.slice(1))
    const options = parseRunOptions(argv, process.env, (s) => process.stdout.write(s))
    if (options === 'exit') return 0
    return await run(options)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`conformance: ${err.message}\n`)
      return 2
    }
    throw err
  }
}

async function run(given: RunOptions): Promise<number> {
  // --replay: the seed, the profile and (unless prefixes narrow it) the selection are the recorded run's.
  const replay = given.replay !== undefined ? loadReplay(given.replay, given.timeoutMs) : undefined
  const options: RunOptions = replay
    ? { ...given, seed: replay.manifest.seed, profile: replay.manifest.profile, select: given.select.length > 0 ? given.select : replay.manifest.select }
    : given
  const requirements = selectRequirements(options.select)
  if (requirements.length === 0) throw new UsageError(`no requirement ID starts with ${options.select.join(' or ')}; list them with --list`)
  if (options.list) {
    printRequirementList(requirements)
    return 0
  }
  const expectations = expectationsOption(options.expect)
  const embedded = options.target === undefined && !replay
  // With no target, the suite tests its own reference server, with throw-away credentials.
  const server = embedded
    ? await startReferenceServer({ accountSid: options.accountSid, authToken: options.authToken })
    : undefined
  try {
    const target = replay?.target ?? resolveTarget(options, server)
    const recorder = options.record !== undefined ? startRecording(options.record, options.redact) : undefined
    const dispatcher = replay?.preflightDispatcher() ?? new Agent({ connect: { timeout: options.timeoutMs } })
    const pre = await preflight(target, dispatcher, recorder?.onPreflightExchange).finally(() => dispatcher.close())
    for (const w of pre.warnings) process.stderr.write(`conformance: warning: ${w}\n`)
    const service = pre.defaultServiceSid ? { defaultServiceSid: pre.defaultServiceSid } : {}
    const suite = suiteIdentity()
    const seed = options.seed ?? randomBytes(4).readUInt32BE() % 2 ** 31
    const startedAt = new Date()
    const progress = createProgress({ mode: options.output === 'quiet' ? 'off' : undefined })
    const runId = replay?.manifest.runId ?? startedAt.toISOString()
    const recording = recorder?.config ?? replay?.config
    const suiteRun = await runSuites({
      config: { target, embedded, profile: options.profile, seed, runId, ...service, ...(recording ? { recording } : {}) },
      select: options.select,
      listener: progress,
      // Each check replays its own cassette: nothing to pace or serialise, whatever the recorded profile.
      ...(replay ? { parallel: true } : {}),
    }).finally(() => progress.finish())
    const recorded = recorder?.finish({ suite, target, embedded, seed, profile: options.profile, runId, select: options.select, ...service, startedAt, results: suiteRun.results })
    const report = buildRunReport(requirements, suiteRun.results, {
      suite,
      target: { url: target.baseUrl, embedded },
      profile: options.profile,
      seed,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      runErrors: suiteRun.runErrors,
      level: options.level,
      ...(expectations ? { expectations } : {}),
    })
    printRunSummary(report, process.stdout, options.output)
    if (options.output !== 'quiet') for (const line of recordingLines(recorded, replay, suiteRun.results)) process.stdout.write(`${line}\n`)
    for (const file of await writeReports(report, options.reports)) if (options.output !== 'quiet') process.stdout.write(`report written: ${file}\n`)
    return exitCodeOf(report)
  } finally {
    await server?.close()
  }
}

/** What --record and --replay add to the summary: where the recording went or came from, and what a replay skipped. */
function recordingLines(recorded: string | undefined, replay: Replay | undefined, results: readonly CheckResult[]): string[] {
  if (!replay) return recorded ? [recorded] : []
  const lines = [replay.describe(), ...replay.compare(results)]
  for (const r of results.filter((x) => x.status === 'skipped' && x.message)) lines.push(`  skipped ${r.name}: ${r.message}`)
  return lines
}

function resolveTarget(options: RunOptions, server: { url: string; accountSid: string; authToken: string } | undefined): Target {
  if (server) return { baseUrl: server.url, accountSid: server.accountSid, authToken: server.authToken, timeoutMs: options.timeoutMs }
  if (!options.accountSid || !options.authToken) {
    throw new UsageError('no credentials for --target: pass --account-sid and --auth-token, or set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN')
  }
  return { baseUrl: options.target!, accountSid: options.accountSid, authToken: options.authToken, timeoutMs: options.timeoutMs }
}

function suiteIdentity(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${PACKAGE_ROOT}`), 'utf8')) as { name: string; version: string }
  return { name: pkg.name, version: pkg.version }
}
