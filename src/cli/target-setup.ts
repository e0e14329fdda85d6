/**
 * What a run does on its target outside the checks: before them, the preflight and the shared second service; after
 * them, the cleanup of what the ledger still lists. The only part of the CLI's own thread that makes requests, so
 * it is loaded when a run needs it: against the embedded server, the server's thread prepares itself
 * (src/cli/embedded-worker.ts) and nothing is left to clean up.
 */
import { existsSync, rmSync } from 'node:fs'
import type { Dispatcher } from 'undici'
import { ConversationsApi } from '../client/api.ts'
import type { Exchange } from '../client/exchange.ts'
import { HttpClient } from '../client/http.ts'
import type { Target } from '../client/target.ts'
import { Agent } from '../client/undici.ts'
import { Ledger, readLedger } from '../run/ledger.ts'
import { countByKind, deleteResources } from '../client/cleanup.ts'
import { preflight, preflightClient, sharedSecondService } from './preflight.ts'

export interface TargetSetup {
  defaultServiceSid?: string
  secondServiceSid?: string
  warnings: string[]
}

/**
 * The preflight (reachable, the credentials work, the default service), then, when a selected check needs one, the
 * shared second service. Throws a UsageError with one line when the target cannot be run against.
 */
export async function prepareTarget(
  target: Target,
  facts: { serviceSid?: string | undefined; secondService: boolean; dispatcher?: Dispatcher; onExchange?: ((ex: Exchange) => void) | undefined },
): Promise<TargetSetup> {
  const dispatcher = facts.dispatcher ?? new Agent({ connect: { timeout: target.timeoutMs } })
  try {
    const http = preflightClient(target, dispatcher, facts.onExchange)
    const pre = await preflight(http, facts.serviceSid)
    if (!facts.secondService) return pre
    const shared = await sharedSecondService(new ConversationsApi(http))
    return shared ? { ...pre, secondServiceSid: shared.sid } : pre
  } finally {
    await dispatcher.close()
  }
}

/** Deletes what the checks could not (they clean up after themselves; this catches what an interrupt or a crash left). */
export async function cleanUpAfterRun(target: Target, ledgerFile: string, sweep = `conformance sweep --target ${target.baseUrl}`): Promise<{ line?: string; failed: string[] } | undefined> {
  if (!existsSync(ledgerFile)) return undefined
  const open = readLedger(ledgerFile).open.filter((r) => !r.keep)
  if (open.length === 0) {
    rmSync(ledgerFile, { force: true })
    return { failed: [] }
  }
  const dispatcher = new Agent({ connect: { timeout: target.timeoutMs } })
  try {
    const ledger = new Ledger(ledgerFile, { runId: '', origin: '' })
    const api = new ConversationsApi(new HttpClient(target, { dispatcher, unsafeTransient: 'judge', deadline: Date.now() + 60_000 }), ledger)
    const result = await deleteResources(api, open)
    if (result.failed.length === 0) rmSync(ledgerFile, { force: true })
    const failed = result.failed.map((f) => `cleanup: could not delete ${f.resource.path} (${f.why}); it is in ${ledgerFile}: run "${sweep}"`)
    return { line: `cleanup: deleted ${countByKind(result.deleted)} the checks left behind`, failed }
  } finally {
    await dispatcher.close()
  }
}
