/**
 * `conformance [options] [prefix...]`: one run against one target. In order: everything the user gave is checked
 * (selection, outputs, credentials) before the first request; the preflight; the first lines (target, account,
 * profile, checks, requests); the checks; the cleanup of whatever the checks left (from the run's ledger); the
 * summary and the reports. SIGINT or SIGTERM stops the checks, cleans up, writes every report as INCOMPLETE.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, rmdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { estimatedRequests } from '../catalogue/costs.ts'
import { REQUIREMENTS } from '../catalogue/requirements.ts'
import type { Requirement } from '../catalogue/types.ts'
import type { Exchange } from '../client/exchange.ts'
import { accountTarget, type Target } from '../client/target.ts'
import type { RunReport } from '../report/run-report.ts'
import { writeReports } from '../report/writers.ts'
import { sweepCommand } from '../run/command.ts'
import type { SuiteConfig } from '../run/config.ts'
import { newLedgerFileName } from '../run/ledger.ts'
import { PROFILES, type ProfileName } from '../run/profiles.ts'
import type { CheckResult } from '../run/results.ts'
import { isTwilioHosted, redactedId, targetFromOptions } from './credentials.ts'
import { startEmbeddedServer } from './embedded.ts'
import { expectationsOption } from './expect.ts'
import { commandHintFor } from './launcher.ts'
import { watchForInterrupt } from './interrupt.ts'
import { printRequirementList, selectedRequirements } from './list.ts'
import type { RunOptions } from './options.ts'
import { checkLedgerFolder, checkRecordFolder, checkReportPaths } from './outputs.ts'
import { createProgress } from './progress.ts'
import type { Replay } from './recording.ts'
import { suiteIdentity } from './suite-identity.ts'
import type { TargetSetup } from './target-setup.ts'
import { UsageError } from './usage-error.ts'

/** Requirements whose check uses a second chat service (the run finds or makes the shared one first). */
const NEEDS_SECOND_SERVICE = new Set(['msg.scopes.other-service'])

export interface RunIo {
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
  /** Progress as the run goes (off for a run made on someone's behalf, such as verify's replay). */
  progress: boolean
}

export async function runCommand(given: RunOptions): Promise<number> {
  return (await executeRun(given, { out: process.stdout, err: process.stderr, progress: true })).exitCode
}

/** One run; returns its exit status and, when it got as far, its report. */
export async function executeRun(given: RunOptions, io: RunIo): Promise<{ exitCode: number; report?: RunReport }> {
  // checkRecordFolder makes the --record folder (only that proves it can be made): a run that then fails at start
  // (credentials, the preflight) takes it away again rather than leave an empty folder that looks like a recording.
  const newRecordFolder = given.record !== undefined && !existsSync(resolve(given.record)) ? resolve(given.record) : undefined
  try {
    return await runOnce(given, io)
  } catch (err) {
    if (newRecordFolder) removeIfEmpty(newRecordFolder)
    throw err
  }
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir)
  } catch {
    // Not there, or not empty after all: nothing of ours to take away.
  }
}

async function runOnce(given: RunOptions, io: RunIo): Promise<{ exitCode: number; report?: RunReport }> {
  // --replay and --record-merge: the seed, the profile, the run ID (and unless prefixes narrow it, the selection)
  // are the recorded run's, so the requests match the recording.
  const recording = given.replay !== undefined || given.record !== undefined ? await import('./recording.ts') : undefined
  const replay = given.replay !== undefined ? recording!.loadReplay(given.replay, given.timeoutMs) : undefined
  if (given.record !== undefined) checkRecordFolder(given.record, given.recordExisting)
  const mergeInto = given.record !== undefined && given.recordExisting === 'merge' ? recording!.readRecordingManifest(given.record) : undefined
  if (mergeInto && given.seed !== undefined && given.seed !== mergeInto.seed) {
    throw new UsageError(`--record-merge: the recording in ${given.record} was made with seed ${mergeInto.seed}; leave out --seed, or record anew with --record-overwrite`)
  }
  const recorded = replay?.manifest ?? mergeInto
  const options: RunOptions = recorded
    ? {
        ...given,
        seed: recorded.seed,
        profile: recorded.profile,
        select: given.select.length > 0 ? given.select : replay ? recorded.select : given.select,
        // A replay names the media and the template the recorded run was given: its checks made no others.
        ...(replay && given.mediaSid === undefined && recorded.mediaSid !== undefined ? { mediaSid: recorded.mediaSid } : {}),
        ...(replay && given.contentSid === undefined && recorded.contentSid !== undefined ? { contentSid: recorded.contentSid } : {}),
      }
    : given
  // A replay of a whole recording judges what the recorded run judged: its shard, with its number of inputs.
  if (replay && given.select.length === 0 && !given.shard && replay.manifest.shard) options.shard = replay.manifest.shard
  if (replay && given.runs === undefined && replay.manifest.runs !== undefined) options.runs = replay.manifest.runs

  // A recording of an interrupted run replays what it holds; what its run never reached is one run error below.
  const { held: selected, unrecorded } = replay ? replay.held(selectedRequirements(options)) : { held: selectedRequirements(options), unrecorded: undefined }
  if (options.list) {
    printRequirementList(selected, io.out)
    return { exitCode: 0 }
  }
  checkReportPaths(options.reports)
  const expectations = expectationsOption(options.expect)
  const embedded = options.target === undefined && !replay
  const defaultProfile: ProfileName = options.target !== undefined && isTwilioHosted(options.target) ? 'live' : 'ci'
  const profile: ProfileName = options.profile ?? defaultProfile
  const profileReason = options.profile !== undefined || replay ? '' : profile === 'live' ? ' (a twilio.com target: paced, few property runs; --profile ci to change)' : ''
  // Credentials for a target are checked before the embedded server or anything else starts.
  const given_target = !embedded && !replay ? targetFromOptions({ ...options, target: options.target! }) : undefined
  const seed = options.seed ?? randomBytes(4).readUInt32BE() % 2 ** 31
  // The commands the hints print, as the user runs the suite from here (src/cli/launcher.ts).
  const hint = commandHintFor(options, { embedded, profile, defaultProfile })
  const startedAt = new Date()
  // A recording's run ID is derived from its seed, so recording the same run again makes the same requests.
  const runId = recorded?.runId ?? (options.record !== undefined ? `recorded-seed-${seed}` : startedAt.toISOString())
  // The embedded server and all it holds end with the run: unless the run is recorded (a replay then makes the same
  // requests, cleanup included), checks leave what they made, and there is no ledger to sweep from.
  const discardedTarget = embedded && options.record === undefined
  const ledgerFile = replay || discardedTarget ? undefined : resolve(options.ledgerDir, newLedgerFileName(runId))
  // Checked with the report paths, before the first request: a ledger that cannot be written is the user's folder,
  // never a verdict on the target (every check would fail at its first creation).
  if (ledgerFile) checkLedgerFolder(options.ledgerDir, ledgerFile)

  // With no target, the suite tests its own reference server, with throw-away credentials.
  // Recorded, it runs reproducibly (SIDs and clock from the seed) and the checks one at a time: the same run then
  // writes the same cassettes, and a changed check shows as a diff of its own cassettes only.
  // vitest, the run's engine, takes a good part of the start-up to load: it loads on this thread while the embedded
  // server starts (and makes the preflight) in its own, or while a target answers the preflight. A failure to load
  // surfaces where it is awaited.
  const engine = import('./run-suites.ts')
  engine.catch(() => undefined)
  const secondService = selected.some((r) => NEEDS_SECOND_SERVICE.has(r.id))
  // The embedded server prepares itself in its own thread (the preflight and the second service), beside the load of
  // vitest here; recorded, the preflight's exchanges go into the recording, so the run makes them itself.
  const selfPrepared = embedded && options.record === undefined ? { secondService, ...(options.serviceSid !== undefined ? { serviceSid: options.serviceSid } : {}), timeoutMs: options.timeoutMs } : undefined
  const server = embedded
    ? await startEmbeddedServer({ accountSid: options.accountSid, authToken: options.authToken, ...(options.record !== undefined ? { reproducibleSeed: seed } : {}), ...(selfPrepared ? { prepare: selfPrepared } : {}) })
    : undefined
  const interrupt = watchForInterrupt(process.stderr, sweepCommand(hint, options.target ?? ''))
  try {
    const target: Target = replay?.target ?? given_target ?? accountTarget(server!, options.timeoutMs)
    const recorder = options.record !== undefined ? recording!.startRecording(options.record, options.redact, mergeInto) : undefined
    const setup = server?.setup ?? (await setUpTarget(target, options, secondService, replay, recorder?.onPreflightExchange))
    if (recorder && embedded) recorder.makeStable()
    const quiet = options.output === 'quiet'
    if (!quiet) for (const line of bannerLines({ target, embedded, profile, profileReason, selected, settleMs: options.settleMs, runs: options.runs })) io.out.write(`${line}\n`)
    for (const w of setup.warnings) io.err.write(`conformance: warning: ${w}\n`)

    // The services the checks use, as the config and the recording's manifest carry them.
    const services = {
      ...(setup.defaultServiceSid ? { defaultServiceSid: setup.defaultServiceSid } : {}),
      ...(setup.secondServiceSid ? { secondServiceSid: setup.secondServiceSid } : {}),
    }
    const config: SuiteConfig = {
      target,
      embedded,
      profile,
      seed,
      runId,
      settleMs: options.settleMs,
      hint,
      ...services,
      ...(ledgerFile ? { ledgerFile } : {}),
      ...(discardedTarget ? { discardedTarget } : {}),
      ...(options.runs !== undefined ? { numRuns: options.runs } : {}),
      ...(options.mediaSid !== undefined ? { mediaSid: options.mediaSid } : {}),
      ...(options.contentSid !== undefined ? { contentSid: options.contentSid } : {}),
      ...(options.allowWebhooks ? { allowWebhooks: true } : {}),
      ...((recorder?.config ?? replay?.config) ? { recording: recorder?.config ?? replay!.config } : {}),
    }
    const progress = createProgress({ mode: quiet || !io.progress ? 'off' : undefined, out: io.out, total: checkCount(selected) })
    const everything = selected.length === REQUIREMENTS.length
    const { runSuites } = await engine
    const checks = runSuites({
      config,
      select: everything ? [] : selected.map((r) => r.id),
      listener: progress,
      signal: interrupt.signal,
      // Each check replays its own cassette: nothing to pace, whatever the recorded profile.
      ...(replay ? { concurrency: PROFILES.ci.concurrency } : {}),
      ...(recorder && embedded ? { concurrency: 1 } : {}),
    }).finally(() => progress.finish())
    // What turns the results into the summary and the reports loads while the checks run: this thread is idle then.
    const reporting = Promise.all([import('../report/run-report.ts'), import('./console.ts')])
    reporting.catch(() => undefined)
    const suiteRun = await checks
    // The checks of the selected requirements: the engine also names the others, as skipped, which a replay must not
    // compare with what was recorded.
    const ids = new Set(selected.map((r) => r.id))
    const judged = suiteRun.results.filter((r) => ids.has(r.requirement))
    const [{ buildRunReport, exitCodeOf }, { printRunSummary }] = await reporting

    const cleanup = ledgerFile ? await (await import('./target-setup.ts')).cleanUpAfterRun(target, ledgerFile, sweepCommand(hint, target.baseUrl)) : undefined
    const recordedLine = recorder?.finish({
      suite: suiteIdentity(),
      target,
      embedded,
      seed,
      profile,
      runId,
      select: options.select,
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.runs !== undefined ? { runs: options.runs } : {}),
      ...services,
      ...(options.serviceSid !== undefined ? { defaultServiceGiven: true } : {}),
      ...(options.mediaSid !== undefined ? { mediaSid: options.mediaSid } : {}),
      ...(options.contentSid !== undefined ? { contentSid: options.contentSid } : {}),
      startedAt,
      results: suiteRun.results,
      interrupted: interrupt.which(),
    })
    const report = buildRunReport(selected, suiteRun.results, {
      suite: suiteIdentity(),
      target: { url: target.baseUrl, embedded, account: redactedId(target.accountSid), credentials: target.username === target.accountSid ? 'auth token' : 'API key' },
      profile,
      seed,
      ...(options.runs !== undefined ? { runs: options.runs } : {}),
      selection: { prefixes: options.select, catalogue: REQUIREMENTS.length, ...(options.shard ? { shard: options.shard } : {}) },
      ...(interrupt.which() ? { interrupted: interrupt.which() } : {}),
      settleMs: options.settleMs,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      runErrors: [...suiteRun.runErrors, ...(cleanup?.failed ?? []), ...(unrecorded ? [unrecorded] : [])],
      level: options.level,
      ...(expectations ? { expectations } : {}),
    })
    printRunSummary(report, io.out, options.output, hint)
    if (!quiet) {
      if (cleanup?.line) io.out.write(`${cleanup.line}\n`)
      for (const line of recordingLines(recordedLine, replay, judged)) io.out.write(`${line}\n`)
    }
    const reports = await writeReports(report, options.reports)
    if (!quiet) for (const file of reports.written) io.out.write(`report written: ${file}\n`)
    for (const problem of reports.failed) io.err.write(`conformance: ${problem}\n`)
    // The exit status is the one the reports state (130/143 when interrupted): a signal after the report was made
    // (while the files were written) no longer changes what the run judged.
    return { exitCode: reports.failed.length > 0 ? Math.max(2, exitCodeOf(report)) : exitCodeOf(report), report }
  } finally {
    interrupt.dispose()
    await server?.close()
  }
}


/** Checks a run of these requirements makes: one per scope, two for most. */
function checkCount(requirements: readonly Requirement[]): number {
  return requirements.reduce((n, r) => n + (r.scopes?.length ?? 2), 0)
}

/** The preflight and the second service, made from here; a replay makes the preflight requests the recorded run made. */
async function setUpTarget(target: Target, options: RunOptions, secondService: boolean, replay: Replay | undefined, onExchange?: (ex: Exchange) => void): Promise<TargetSetup> {
  const { prepareTarget } = await import('./target-setup.ts')
  if (!replay) return prepareTarget(target, { serviceSid: options.serviceSid, secondService, onExchange })
  const { manifest } = replay
  // With the service named, or from the configuration; the second service is the recorded one.
  const pre = await prepareTarget(target, { serviceSid: manifest.defaultServiceGiven ? manifest.defaultServiceSid : undefined, secondService: false, dispatcher: replay.preflightDispatcher(), onExchange })
  return manifest.secondServiceSid ? { ...pre, secondServiceSid: manifest.secondServiceSid } : pre
}

/** The first lines: target, account, profile, checks and requests, so a user sees what is about to happen. */
function bannerLines(facts: { target: Target; embedded: boolean; profile: ProfileName; profileReason: string; selected: readonly Requirement[]; settleMs: number; runs?: number | undefined }): string[] {
  const { target, profile } = facts
  const key = target.username !== target.accountSid ? ` with API key ${redactedId(target.username)}` : ''
  const where = facts.embedded ? `the embedded reference server ${target.baseUrl}` : target.baseUrl
  const requests = estimatedRequests(facts.selected.map((r) => r.id), profile)
  const runs = facts.runs ?? PROFILES[profile].numRuns
  return [
    `conformance: target ${where} · account ${redactedId(target.accountSid)}${key} · profile ${profile}${facts.profileReason}`,
    `conformance: ${facts.selected.length} of ${REQUIREMENTS.length} requirements, ${checkCount(facts.selected)} checks, about ${Math.round(requests * (facts.runs ? runs / PROFILES[profile].numRuns : 1)).toLocaleString('en-US')} requests; ` +
      `${runs} inputs per property; reads wait up to ${(facts.settleMs / 1000).toFixed(1)} s for a write to show`,
  ]
}

/** What --record and --replay add to the summary: where the recording went or came from, and what a replay skipped. */
function recordingLines(recorded: string | undefined, replay: Replay | undefined, results: readonly CheckResult[]): string[] {
  if (!replay) return recorded ? [recorded] : []
  const lines = [replay.describe(), ...replay.compare(results)]
  for (const r of results.filter((x) => x.status === 'skipped' && x.message)) lines.push(`  skipped ${r.name}: ${r.message}`)
  return lines
}

