/**
 * The command-line side of `--record DIR` and `--replay DIR`: preparing the directory, recording the preflight,
 * writing the manifest after the run; and for a replay, reading the manifest and answering the preflight from
 * its cassette. The per-check side is src/record/session.ts, in the workers.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Dispatcher } from 'undici'
import type { Exchange } from '../client/exchange.ts'
import { parseBaseUrl, type Target } from '../client/target.ts'
import type { ProfileName } from '../run/profiles.ts'
import { cassetteFileName, PREFLIGHT_CASSETTE, readCassette, toInteraction, writeCassetteText } from '../record/cassette.ts'
import { clearRecordingDir, readManifest, type RecordingManifest, writeManifest } from '../record/manifest.ts'
import { createRedactor, secretsOf, userPlaceholder } from '../record/redact.ts'
import { STABLE_ORIGIN, withOrigin } from '../record/stabilise.ts'
import { replayAgent } from '../record/replay.ts'
import { credentialsOf } from '../record/session.ts'
import type { RecordingConfig } from '../run/config.ts'
import type { CheckResult } from '../run/results.ts'
import { UsageError } from './usage-error.ts'

/** The token a replay authenticates with: nothing was recorded with it, so it is no secret. */
const REPLAY_SECRET = 'replay-of-a-recording-not-a-secret'

export interface Recorder {
  config: RecordingConfig
  onPreflightExchange(ex: Exchange): void
  /** For the embedded reference server (started reproducible): every file is written with a stable origin. */
  makeStable(): void
  /** Writes the preflight cassette and the manifest; returns a line for the console. */
  finish(facts: RecordedRunFacts): string
}

export interface RecordedRunFacts {
  suite: { name: string; version: string }
  target: Target
  embedded: boolean
  seed: number
  profile: ProfileName
  runId: string
  select: string[]
  shard?: { index: number; count: number }
  runs?: number
  defaultServiceSid?: string
  defaultServiceGiven?: boolean
  secondServiceSid?: string
  mediaSid?: string
  contentSid?: string
  startedAt: Date
  results: readonly CheckResult[]
  interrupted?: 'SIGINT' | 'SIGTERM' | undefined
}

/**
 * Starts a recording into `dir` (already checked, and made, by checkRecordFolder). Given the `earlier` recording's
 * manifest, the run merges into it (the checks this run re-records replace theirs, the others stay, and the manifest
 * lists the merge); without, a recording already there is replaced as a whole.
 */
export function startRecording(dir: string, secrets: readonly string[], earlier?: RecordingManifest): Recorder {
  const abs = resolve(dir)
  if (!earlier) {
    try {
      clearRecordingDir(abs)
    } catch (err) {
      throw new UsageError((err as Error).message)
    }
  }
  const preflight: Exchange[] = []
  const config: RecordingConfig = { mode: 'record', dir: abs, secrets: [...secrets] }
  return {
    config,
    onPreflightExchange: (ex) => preflight.push(ex),
    makeStable() {
      config.stableOrigin = STABLE_ORIGIN
    },
    finish(facts) {
      const base = parseBaseUrl(facts.target.baseUrl)
      const redactor = createRedactor(secretsOf(facts.target, secrets))
      const where = { origin: base.origin, prefix: base.pathname.replace(/\/+$/, '') }
      const origin = config.stableOrigin ?? base.origin
      writeFileSync(join(abs, PREFLIGHT_CASSETTE), writeCassetteText(withOrigin(preflight.map((ex) => toInteraction(ex, where, redactor)), base.origin, origin)))
      // A check the interrupt stopped half-way left a cassette a replay would stumble over: it was never recorded.
      const unfinished = (r: CheckResult) => facts.interrupted !== undefined && (r.status === 'skipped' || (r.status === 'error' && /interrupted/.test(r.message ?? '')))
      for (const r of facts.results.filter(unfinished)) rmSync(join(abs, cassetteFileName(r.requirement, r.scope)), { force: true })
      const recorded = facts.results
        .filter((r) => !unfinished(r))
        .map((r) => ({ r, file: cassetteFileName(r.requirement, r.scope) }))
        .filter(({ file }) => existsSync(join(abs, file)))
        .map(({ r, file }) => ({ name: r.name, requirement: r.requirement, ...(r.scope ? { scope: r.scope } : {}), file, status: r.status, exchanges: r.requests }))
      const rerecorded = new Set(recorded.map((c) => c.name))
      const kept = (earlier?.checks ?? []).filter((c) => !rerecorded.has(c.name) && existsSync(join(abs, c.file)))
      const checks = [...kept, ...recorded].sort((a, b) => (a.file < b.file ? -1 : 1))
      const manifest: RecordingManifest = {
        format: 'conversations-message-conformance-recording',
        formatVersion: 1,
        suite: facts.suite,
        recordedAt: facts.startedAt.toISOString(),
        seed: facts.seed,
        profile: facts.profile,
        runId: facts.runId,
        select: facts.select,
        ...(facts.shard ? { shard: facts.shard } : {}),
        ...(facts.runs !== undefined ? { runs: facts.runs } : {}),
        target: { baseUrl: origin + where.prefix, origin, embedded: facts.embedded },
        accountSid: userPlaceholder(facts.target.accountSid),
        ...(facts.target.username !== facts.target.accountSid ? { username: userPlaceholder(facts.target.username) } : {}),
        ...(facts.defaultServiceSid ? { defaultServiceSid: redactor.text(facts.defaultServiceSid) } : {}),
        ...(facts.defaultServiceGiven ? { defaultServiceGiven: true } : {}),
        ...(facts.secondServiceSid ? { secondServiceSid: redactor.text(facts.secondServiceSid) } : {}),
        ...(facts.mediaSid ? { mediaSid: redactor.text(facts.mediaSid) } : {}),
        ...(facts.contentSid ? { contentSid: redactor.text(facts.contentSid) } : {}),
        preflight: PREFLIGHT_CASSETTE,
        redaction: { basicAuthHeader: 'never recorded', secret: 'scrubbed', accountSid: 'replaced by a placeholder', otherSecrets: secrets.length },
        checks,
        ...(facts.interrupted ? { interrupted: facts.interrupted } : {}),
        ...(earlier ? { merges: [...(earlier.merges ?? []), { at: facts.startedAt.toISOString(), select: facts.select, rerecorded: recorded.length, kept: kept.length }] } : {}),
      }
      writeManifest(abs, manifest)
      const exchanges = recorded.reduce((n, c) => n + c.exchanges, 0) + preflight.length
      const merged = earlier ? `; merged into the recording there: ${recorded.length} cassettes re-recorded, ${kept.length} kept` : ''
      return `recorded ${recorded.length} cassettes (${exchanges} exchanges) in ${dir}, with manifest.json and ${PREFLIGHT_CASSETTE}; secrets redacted${merged}`
    },
  }
}

export interface Replay {
  manifest: RecordingManifest
  config: RecordingConfig
  target: Target
  /** A MockAgent answering the preflight from its cassette. */
  preflightDispatcher(): Dispatcher
  /** One line for the console. */
  describe(): string
  /**
   * Lines naming the checks whose verdict differs from the one recorded (a tampered or stale cassette, a suite
   * change). Given only the checks this replay selected: a partial replay compares what it replayed, nothing else.
   */
  compare(results: readonly CheckResult[]): string[]
  /**
   * What of `selected` this recording holds: a recording of an interrupted run holds only the requirements its run
   * reached, and a replay judges those; the rest were never recorded, said once (`unrecorded`), not check by check.
   */
  held<R extends { id: string }>(selected: readonly R[]): { held: R[]; unrecorded?: string }
}

/** The manifest of the recording in `dir`; a missing or broken one is a UsageError. */
export function readRecordingManifest(dir: string): RecordingManifest {
  try {
    return readManifest(resolve(dir))
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

export function loadReplay(dir: string, timeoutMs: number): Replay {
  const abs = resolve(dir)
  const manifest = readRecordingManifest(abs)
  const target: Target = { baseUrl: manifest.target.baseUrl, accountSid: manifest.accountSid, username: manifest.username ?? manifest.accountSid, secret: REPLAY_SECRET, timeoutMs }
  return {
    manifest,
    config: { mode: 'replay', dir: abs },
    target,
    preflightDispatcher() {
      const file = join(abs, manifest.preflight ?? PREFLIGHT_CASSETTE)
      let interactions
      try {
        interactions = readCassette(file)
      } catch (err) {
        throw new UsageError(`--replay ${dir}: ${(err as Error).message}`)
      }
      return replayAgent(interactions, manifest.preflight, manifest.target.origin, credentialsOf({ target })).dispatcher
    },
    describe: () =>
      `replayed ${dir}: recorded against ${manifest.target.baseUrl}${manifest.target.embedded ? ' (embedded reference server)' : ''} at ${manifest.recordedAt}, ` +
      `seed ${manifest.seed}, profile ${manifest.profile}; answered from the cassettes, network connections disabled`,
    compare(results) {
      const recorded = new Map(manifest.checks.map((c) => [c.name, c.status]))
      const compared = results.filter((r) => recorded.has(r.name))
      const differing = compared.filter((r) => recorded.get(r.name) !== r.status)
      const of = compared.length < manifest.checks.length ? ` (${compared.length} of the ${manifest.checks.length} checks recorded)` : ''
      if (differing.length === 0) return [`  every replayed check${of} has the verdict it had when recorded`]
      return [`  ${differing.length === 1 ? '1 check differs' : `${differing.length} checks differ`} from the recording${of}:`, ...differing.map((r) => `    ${r.name}: recorded ${recorded.get(r.name)}, replayed ${r.status}`)]
    },
    held(selected) {
      if (!manifest.interrupted) return { held: [...selected] }
      const inRecording = new Set(manifest.checks.map((c) => c.requirement))
      const held = selected.filter((r) => inRecording.has(r.id))
      const missing = selected.length - held.length
      if (missing === 0) return { held }
      return {
        held,
        unrecorded:
          `the recording in ${dir} is of a run stopped by ${manifest.interrupted}: ${missing} of the ${selected.length} selected requirements were never recorded, ` +
          `so this replay cannot judge them; it replays the ${held.length} the recording holds`,
      }
    },
  }
}
