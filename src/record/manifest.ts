/**
 * The run manifest of a recording (`manifest.json` beside the cassettes): everything a replay needs to make the
 * same requests again (seed, profile, runId, selection, default service, recorded origin) and the list of the
 * checks recorded, with the verdict each had when it was recorded.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isProfileName, type ProfileName } from '../run/profiles.ts'
import type { CheckStatus } from '../run/results.ts'

export const MANIFEST_FILE = 'manifest.json'
export const MANIFEST_FORMAT = 'conversations-message-conformance-recording'

export interface RecordedCheck {
  /** The test name: requirement ID and scope, e.g. `msg.create.status-201 [default]`. */
  name: string
  requirement: string
  scope?: string
  /** The cassette file, relative to the recording directory. */
  file: string
  /** The check's status when it was recorded: a replay should reproduce it. */
  status: CheckStatus
  exchanges: number
}

export interface RecordingManifest {
  format: typeof MANIFEST_FORMAT
  formatVersion: 1
  suite: { name: string; version: string }
  recordedAt: string
  seed: number
  profile: ProfileName
  /** Names the conversations the run created; a replay uses it again, so the requests are the same. */
  runId: string
  /** The requirement-ID prefixes of the recorded run ([] for all). */
  select: string[]
  /** The part of the selection the run judged (--shard i/n); a replay judges the same part. */
  shard?: { index: number; count: number }
  /** Inputs per property when --runs overrode the profile's: a replay draws as many, so its requests are the same. */
  runs?: number
  target: {
    /** The base URL the run was recorded against (origin and path prefix, without /v1). */
    baseUrl: string
    origin: string
    embedded: boolean
  }
  /** The Basic-auth user as recorded: a placeholder (src/record/redact.ts), never the real account SID. */
  accountSid: string
  /** The Basic-auth user when it was not the account (an API key), as a placeholder (SK000…). */
  username?: string
  defaultServiceSid?: string
  /** True when --service-sid named the default service (the preflight then read no configuration). */
  defaultServiceGiven?: boolean
  /** The shared second chat service the run used (msg.scopes.other-service). */
  secondServiceSid?: string
  /** The media and the Content template the run was given (--media-sid, --content-sid): a replay uses them too. */
  mediaSid?: string
  contentSid?: string
  /** The preflight exchanges (GET /v1/Configuration), relative to the recording directory. */
  preflight: string
  redaction: {
    basicAuthHeader: 'never recorded'
    secret: 'scrubbed'
    accountSid: 'replaced by a placeholder'
    /** How many other values (--redact, CONFORMANCE_REDACT) were scrubbed; never the values. */
    otherSecrets: number
  }
  checks: RecordedCheck[]
  /** Set when SIGINT or SIGTERM stopped the recorded run: the checks it had not run were never recorded. */
  interrupted?: 'SIGINT' | 'SIGTERM'
  /** Present when subsets were re-recorded into this recording (--record-merge): when, what, how many cassettes. */
  merges?: Array<{ at: string; select: string[]; rerecorded: number; kept: number }>
}

/** Reads and checks a manifest; throws an Error with one readable line otherwise. */
export function readManifest(dir: string): RecordingManifest {
  const file = join(dir, MANIFEST_FILE)
  if (!existsSync(dir)) throw new Error(`--replay ${dir}: no such directory`)
  if (!existsSync(file)) throw new Error(`--replay ${dir}: no ${MANIFEST_FILE} there; record one with --record ${dir}`)
  let value: Partial<RecordingManifest>
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as Partial<RecordingManifest>
  } catch (err) {
    throw new Error(`--replay ${dir}: ${MANIFEST_FILE} is not JSON (${(err as Error).message})`)
  }
  if (value.format !== MANIFEST_FORMAT || value.formatVersion !== 1) throw new Error(`--replay ${dir}: ${MANIFEST_FILE} is not a recording manifest (format ${MANIFEST_FORMAT}, formatVersion 1)`)
  const problems: string[] = []
  if (typeof value.seed !== 'number') problems.push('seed')
  if (typeof value.profile !== 'string' || !isProfileName(value.profile)) problems.push('profile')
  if (typeof value.runId !== 'string') problems.push('runId')
  if (!Array.isArray(value.select)) problems.push('select')
  if (typeof value.target?.baseUrl !== 'string' || typeof value.target.origin !== 'string') problems.push('target')
  if (typeof value.accountSid !== 'string') problems.push('accountSid')
  if (!Array.isArray(value.checks)) problems.push('checks')
  if (problems.length > 0) throw new Error(`--replay ${dir}: ${MANIFEST_FILE} lacks or has a bad ${problems.join(', ')}`)
  return value as RecordingManifest
}

export function writeManifest(dir: string, manifest: RecordingManifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n')
}

/**
 * Makes `dir` ready for a new recording. A directory that holds an earlier recording (it has a manifest) loses
 * that recording's JSON files; other files (a README) stay. A directory with JSON files but no manifest is not
 * ours to clear: the caller gets an Error.
 */
export function clearRecordingDir(dir: string): void {
  if (!existsSync(dir)) return
  const json = readdirSync(dir).filter((f) => f.endsWith('.json'))
  if (json.length === 0) return
  if (!json.includes(MANIFEST_FILE)) {
    throw new Error(`--record ${dir}: the directory holds JSON files but no ${MANIFEST_FILE}; give an empty or new directory, or an earlier recording`)
  }
  for (const f of json) rmSync(join(dir, f))
}
