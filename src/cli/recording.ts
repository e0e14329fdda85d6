/**
 * The command-line side of `--record DIR` and `--replay DIR`: preparing the directory, recording the preflight,
 * writing the manifest after the run; and for a replay, reading the manifest and answering the preflight from
 * its cassette. The per-check side is src/record/session.ts, in the workers.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Dispatcher } from 'undici'
import type { Exchange } from '../client/exchange.ts'
import { parseBaseUrl, type Target } from '../client/target.ts'
import type { ProfileName } from '../harness/profiles.ts'
import { cassetteFileName, PREFLIGHT_CASSETTE, readCassette, toInteraction, writeCassetteText } from '../record/cassette.ts'
import { clearRecordingDir, readManifest, type RecordingManifest, writeManifest } from '../record/manifest.ts'
import { createRedactor, userPlaceholder } from '../record/redact.ts'
import { replayAgent } from '../record/replay.ts'
import { credentialsOf, type RecordingConfig } from '../record/session.ts'
import type { CheckResult } from '../report/check-result.ts'
import { UsageError } from './usage-error.ts'

/** The token a replay authenticates with: nothing was recorded with it, so it is no secret. */
const REPLAY_AUTH_TOKEN = 'replay-of-a-recording-not-a-secret'

export interface Recorder {
  config: RecordingConfig
  onPreflightExchange(ex: Exchange): void
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
  defaultServiceSid?: string
  startedAt: Date
  results: readonly CheckResult[]
}

export function startRecording(dir: string, secrets: readonly string[]): Recorder {
  const abs = resolve(dir)
  try {
    clearRecordingDir(abs)
    mkdirSync(abs, { recursive: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const preflight: Exchange[] = []
  return {
    config: { mode: 'record', dir: abs, secrets: [...secrets] },
    onPreflightExchange: (ex) => preflight.push(ex),
    finish(facts) {
      const base = parseBaseUrl(facts.target.baseUrl)
      const redactor = createRedactor({ accountSid: facts.target.accountSid, authToken: facts.target.authToken, extra: secrets })
      const where = { origin: base.origin, prefix: base.pathname.replace(/\/+$/, '') }
      writeFileSync(join(abs, PREFLIGHT_CASSETTE), writeCassetteText(preflight.map((ex) => toInteraction(ex, where, redactor))))
      const checks = facts.results
        .map((r) => ({ r, file: cassetteFileName(r.requirement, r.scope) }))
        .filter(({ file }) => existsSync(join(abs, file)))
        .map(({ r, file }) => ({ name: r.name, requirement: r.requirement, ...(r.scope ? { scope: r.scope } : {}), file, status: r.status, exchanges: r.requests }))
        .sort((a, b) => (a.file < b.file ? -1 : 1))
      const manifest: RecordingManifest = {
        format: 'conversations-message-conformance-recording',
        formatVersion: 1,
        suite: facts.suite,
        recordedAt: facts.startedAt.toISOString(),
        seed: facts.seed,
        profile: facts.profile,
        runId: facts.runId,
        select: facts.select,
        target: { baseUrl: base.origin + where.prefix, origin: base.origin, embedded: facts.embedded },
        accountSid: userPlaceholder(facts.target.accountSid),
        ...(facts.defaultServiceSid ? { defaultServiceSid: redactor.text(facts.defaultServiceSid) } : {}),
        preflight: PREFLIGHT_CASSETTE,
        redaction: { basicAuthHeader: 'never recorded', authToken: 'scrubbed', accountSid: 'replaced by a placeholder', otherSecrets: secrets.length },
        checks,
      }
      writeManifest(abs, manifest)
      const exchanges = checks.reduce((n, c) => n + c.exchanges, 0) + preflight.length
      return `recorded ${checks.length} cassettes (${exchanges} exchanges) in ${dir}, with manifest.json and ${PREFLIGHT_CASSETTE}; secrets redacted`
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
  /** Lines naming the checks whose verdict differs from the one recorded (a tampered or stale cassette, a suite change). */
  compare(results: readonly CheckResult[]): string[]
}

export function loadReplay(dir: string, timeoutMs: number): Replay {
  const abs = resolve(dir)
  let manifest: RecordingManifest
  try {
    manifest = readManifest(abs)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const target: Target = { baseUrl: manifest.target.baseUrl, accountSid: manifest.accountSid, authToken: REPLAY_AUTH_TOKEN, timeoutMs }
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
      const differing = results.filter((r) => recorded.has(r.name) && recorded.get(r.name) !== r.status)
      if (differing.length === 0) return [`  every replayed check has the verdict it had when recorded`]
      return [`  ${differing.length === 1 ? '1 check differs' : `${differing.length} checks differ`} from the recording:`, ...differing.map((r) => `    ${r.name}: recorded ${recorded.get(r.name)}, replayed ${r.status}`)]
    },
  }
}
