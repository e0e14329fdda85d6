/**
 * What record and replay change for one check, in the worker: where its requests go (the keep-alive Agent, or a
 * MockAgent built from its cassette), what happens to its exchanges (written to its cassette after cleanup), and
 * whether properties may stop on a time limit. src/harness/check.ts asks for one session per test.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Dispatcher } from 'undici'
import type { Exchange } from '../client/exchange.ts'
import { parseBaseUrl } from '../client/target.ts'
import type { SuiteConfig } from '../run/config.ts'
import { cassetteFileName, readCassette, toInteraction, writeCassetteText } from './cassette.ts'
import { createRedactor, secretsOf } from './redact.ts'
import { withOrigin } from './stabilise.ts'
import { replayAgent, type ReplayAgent } from './replay.ts'
import { makeFolders } from '../run/folders.ts'

export interface CheckSession {
  /** The dispatcher for this check's client; undefined: the worker's keep-alive Agent. */
  dispatcher?: Dispatcher
  /** Set when this check cannot be replayed: the check is skipped with this note. */
  skipReason?: string
  /** Whether fast-check may stop a property early after a time limit. Off in record and replay modes. */
  timeLimited: boolean
  /** Whether requests may be paced (a replay has no server to spare). */
  paced: boolean
  onExchange(ex: Exchange): void
  /** After the check and its cleanup: writes the cassette (record) or releases the MockAgent (replay). */
  close(observe: (note: string) => void): Promise<void>
}

const LIVE: CheckSession = { timeLimited: true, paced: true, onExchange: () => {}, close: async () => {} }

export function openCheckSession(config: SuiteConfig, requirement: string, scope: string | undefined): CheckSession {
  const rec = config.recording
  if (!rec) return LIVE
  const file = cassetteFileName(requirement, scope)
  const base = parseBaseUrl(config.target.baseUrl)
  const origin = base.origin
  if (rec.mode === 'replay') {
    const path = join(rec.dir, file)
    if (!existsSync(path)) {
      return { ...LIVE, skipReason: `not replayable: the recording in ${rec.dir} has no cassette for this check (${file}); it was not part of the recorded run` }
    }
    let replay: ReplayAgent
    try {
      replay = replayAgent(readCassette(path), file, origin, credentialsOf(config))
    } catch (err) {
      return { ...LIVE, skipReason: `not replayable: ${(err as Error).message}` }
    }
    return {
      dispatcher: replay.dispatcher,
      timeLimited: false,
      paced: false,
      onExchange: () => {},
      close: async (observe) => {
        const unused = replay.matcher.unused
        if (unused > 0) observe(`replay: ${unused} recorded exchange${unused === 1 ? ' was' : 's were'} not requested`)
        await replay.close()
      },
    }
  }
  const exchanges: Exchange[] = []
  return {
    timeLimited: false,
    paced: true,
    onExchange: (ex) => exchanges.push(ex),
    close: async () => {
      const redactor = createRedactor(secretsOf(config.target, rec.secrets))
      const prefix = base.pathname.replace(/\/+$/, '')
      const recorded = exchanges.map((ex) => toInteraction(ex, { origin, prefix }, redactor))
      const interactions = rec.stableOrigin ? withOrigin(recorded, origin, rec.stableOrigin) : recorded
      makeFolders(rec.dir)
      writeFileSync(join(rec.dir, file), writeCassetteText(interactions))
    },
  }
}

/** Tells an Authorization header of the replay's own target from none and from any other. */
export function credentialsOf(config: Pick<SuiteConfig, 'target'>): (authorization: string | undefined) => 'target' | 'none' | 'other' {
  const own = 'Basic ' + Buffer.from(`${config.target.username}:${config.target.secret}`).toString('base64')
  return (authorization) => (authorization === undefined ? 'none' : authorization === own ? 'target' : 'other')
}
