/**
 * `verify BUNDLE --against URL`: a consistent, even a signed, bundle says only what was recorded. Re-running a sample
 * of its requirements against the live target, with the bundle's seed (so the same inputs), tells whether the target
 * does today what the bundle says: a bundle recorded from another server, or from an older build, is exposed. The
 * sample is drawn with a seed the verifier chooses (random unless given), so a vendor cannot know which requirements
 * will be looked at, and the seed is printed so anyone can repeat the check.
 */
import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { REQUIREMENTS } from '../catalogue/requirements.ts'
import { seededBytes } from '../harness/random.ts'
import type { RunReport } from '../report/run-report.ts'
import { isProfileName } from '../run/profiles.ts'
import { targetFromOptions } from './credentials.ts'
import { checkTarget, DEFAULT_LEDGER_DIR, pick, type RunOptions } from './options.ts'
import { executeRun } from './run.ts'
import { UsageError } from './usage-error.ts'
import { bundleTarget, judged } from './verify-bundle.ts'

/** Where the output of a run made on the user's behalf (verify's replays, its live sample) goes: nowhere. */
export const nowhere = () => new Writable({ write: (_chunk, _encoding, done) => done() })

export interface SpotCheck {
  sampleSeed: number
  /** What was checked, for the console. */
  lines: string[]
  /** Requirements whose live verdict differs from the bundle's. */
  differences: string[]
  /** Requirements the live run could not judge (setup failed, out of time). */
  unjudged: string[]
}

/** `size` of `ids`, drawn with `seed` (a Fisher-Yates shuffle on the seeded bytes), in catalogue order. */
export function drawSample(ids: readonly string[], size: number, seed: number): string[] {
  const next = seededBytes(seed)
  const pool = [...ids]
  for (let i = pool.length - 1; i > 0; i--) {
    const j = next(4).readUInt32BE() % (i + 1)
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  const chosen = new Set(pool.slice(0, size))
  return REQUIREMENTS.map((r) => r.id).filter((id) => chosen.has(id))
}

/** The credentials --against sends, from the environment; a bad URL or none is one UsageError line, before any replay. */
export function againstCredentials(url: string, env: NodeJS.ProcessEnv): Pick<RunOptions, 'accountSid' | 'authToken' | 'apiKey' | 'apiSecret' | 'serviceSid'> {
  try {
    checkTarget(url)
  } catch (err) {
    throw new UsageError(`verify: --against ${(err as Error).message.replace(/^--target /, '')}`)
  }
  const credentials = {
    ...optional('accountSid', pick(undefined, env.TWILIO_ACCOUNT_SID)),
    ...optional('authToken', pick(undefined, env.TWILIO_AUTH_TOKEN)),
    ...optional('apiKey', pick(undefined, env.TWILIO_API_KEY)),
    ...optional('apiSecret', pick(undefined, env.TWILIO_API_SECRET)),
  }
  try {
    targetFromOptions({ target: url, timeoutMs: 10_000, ...credentials })
  } catch {
    throw new UsageError(`verify: --against ${url} needs credentials in the environment: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET with TWILIO_ACCOUNT_SID`)
  }
  return { ...credentials, ...optional('serviceSid', pick(undefined, env.TWILIO_CONVERSATIONS_SERVICE_SID)) }
}

export async function spotCheck(o: { url: string; size: number; seed?: number; claimed: RunReport; env: NodeJS.ProcessEnv }): Promise<SpotCheck> {
  const { claimed } = o
  const credentials = againstCredentials(o.url, o.env)
  const sampleSeed = o.seed ?? randomBytes(4).readUInt32BE() % 2 ** 31
  const sample = drawSample(claimed.results.map((r) => r.id), o.size, sampleSeed)
  const options: RunOptions = {
    target: o.url,
    ...credentials,
    reports: [],
    ...(isProfileName(claimed.profile) ? { profile: claimed.profile } : {}),
    seed: claimed.seed,
    ...(claimed.runs !== undefined ? { runs: claimed.runs } : {}),
    timeoutMs: 10_000,
    settleMs: claimed.settle.settleMs,
    select: sample,
    list: false,
    level: claimed.level,
    output: 'quiet',
    recordExisting: 'refuse',
    redact: [],
    ledgerDir: DEFAULT_LEDGER_DIR,
  }
  const live = (await executeRun(options, { out: nowhere(), err: nowhere(), progress: false })).report
  if (!live) throw new UsageError(`verify: --against ${o.url}: the run could not be made`)
  const differences: string[] = []
  const unjudged: string[] = []
  for (const id of sample) {
    const bundle = claimed.results.find((r) => r.id === id)!
    const now = live.results.find((r) => r.id === id)
    const status = now?.status ?? 'not run'
    if (!now || !['passed', 'failed', 'known-failure', 'unexpected-pass'].includes(status)) {
      if (['passed', 'failed'].includes(judged(bundle.status))) unjudged.push(`${id}: the bundle says ${bundle.status}; live, ${status}${now?.message ? ` (${now.message})` : ''}`)
      continue
    }
    if (judged(status) !== judged(bundle.status)) differences.push(`${id}: the bundle says ${bundle.status}, ${o.url} shows ${status}${now.message ? ` (${now.message})` : ''}`)
  }
  const recordedAt = bundleTarget(claimed.target)
  const lines = [
    `checked against ${o.url}${recordedAt !== o.url ? ` (the bundle was recorded against ${recordedAt})` : ''}: ${sample.length} of ${claimed.results.length} requirements re-run live ` +
      `with the bundle's seed ${claimed.seed}, sample seed ${sampleSeed}: ${sample.join(' ')}`,
    differences.length === 0 && unjudged.length === 0 ? `every one has the bundle's verdict` : `${differences.length} differ from the bundle, ${unjudged.length} could not be judged`,
  ]
  return { sampleSeed, lines, differences, unjudged }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}
