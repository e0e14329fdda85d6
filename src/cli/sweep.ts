/**
 * `conformance sweep --target URL [--dry-run]`: deletes what earlier runs left on a target: everything still open
 * in their ledgers (a run killed with SIGKILL, a machine that died), and everything that carries the suite's marker
 * (conversations and services named `conformance-suite …`, Users whose identity starts with `conformance-suite-`).
 * It never touches anything without the marker or a ledger line, and says what it deleted.
 */
import { rmSync } from 'node:fs'
import { Command } from 'commander'
import { ConversationsApi } from '../client/api.ts'
import { HttpClient } from '../client/http.ts'
import { Agent } from '../client/undici.ts'
import { type LedgerContents, ledgerFiles, type LedgerResource, readLedger, runningOwner } from '../run/ledger.ts'
import { isMarked } from '../run/marker.ts'
import { countByKind, deleteResources, inDeletionOrder } from '../client/cleanup.ts'
import { redactedId, targetFromOptions } from './credentials.ts'
import { checkTarget, DEFAULT_LEDGER_DIR, pick, wholeNumber } from './options.ts'
import { SHARED_SERVICE_NAME } from './preflight.ts'
import { parseCommand } from './parse-command.ts'
import { UsageError } from './usage-error.ts'

const HELP_AFTER = `
What it deletes:
  - every resource still open in a ledger of --ledger-dir for this target (what a killed run could not clean up);
  - conversations of the default service and chat services whose FriendlyName starts with "conformance-suite";
  - Users of the default service (and of the shared second service) whose identity starts with "conformance-suite-".
  The suite's shared second service ("${SHARED_SERVICE_NAME}") is kept unless --include-shared.
Nothing without the marker or a ledger line is ever deleted. --dry-run lists and deletes nothing.
While a run on this machine is still going against the target (its process still writes its ledger), sweep refuses:
what it would delete is in use. --force sweeps anyway (when that process is not a conformance run: a reused pid).

Examples:
  npx conformance sweep --target https://conversations.twilio.com --dry-run
  npx conformance sweep --target http://127.0.0.1:4010 --account-sid AC… --auth-token …`

export async function sweepCommand(argv: readonly string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const program = new Command('conformance sweep')
    .description('Delete what earlier conformance runs left on a target (from their ledgers and the conformance-suite marker).')
    .requiredOption('--target <url>', 'API base URL without /v1')
    .option('--account-sid <sid>', 'the account (default: $TWILIO_ACCOUNT_SID)')
    .option('--auth-token <token>', 'its auth token (default: $TWILIO_AUTH_TOKEN)')
    .option('--api-key <sid>', 'an API key instead of the auth token (default: $TWILIO_API_KEY)')
    .option('--api-secret <secret>', 'the API key secret (default: $TWILIO_API_SECRET)')
    .option('--ledger-dir <dir>', 'where runs keep their ledgers', DEFAULT_LEDGER_DIR)
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .option('--include-shared', 'also delete the shared second service the suite keeps between runs')
    .option('--force', 'sweep even while a run on this machine seems to be going against the target')
    .option('--timeout <ms>', 'time limit of each HTTP request in milliseconds', '10000')
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
  if (parseCommand(program, argv, out, (message) => `sweep: ${message} (see sweep --help)`)) return 0
  const o = program.opts<{ target: string; accountSid?: string; authToken?: string; apiKey?: string; apiSecret?: string; ledgerDir: string; dryRun?: boolean; includeShared?: boolean; force?: boolean; timeout: string }>()
  let timeoutMs: number
  try {
    checkTarget(o.target)
    timeoutMs = wholeNumber('--timeout', o.timeout, 100)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const target = targetFromOptions({
    target: o.target,
    accountSid: pick(o.accountSid, env.TWILIO_ACCOUNT_SID),
    authToken: pick(o.authToken, env.TWILIO_AUTH_TOKEN),
    apiKey: pick(o.apiKey, env.TWILIO_API_KEY),
    apiSecret: pick(o.apiSecret, env.TWILIO_API_SECRET),
    timeoutMs,
  } as Parameters<typeof targetFromOptions>[0])
  const dispatcher = new Agent({ connect: { timeout: target.timeoutMs } })
  try {
    const api = new ConversationsApi(new HttpClient(target, { dispatcher, unsafeTransient: 'judge' }))
    const origin = new URL(target.baseUrl).origin
    const ledgers = ledgerFiles(o.ledgerDir).map(readLedger).filter((l) => l.origins.includes(origin))
    const running = o.force ? undefined : ledgers.map((l) => ({ file: l.file, owner: runningOwner(l) })).find((l) => l.owner)
    const busy = running && `a run is still going against ${origin} (process ${running.owner!.pid}, ledger ${running.file})`
    if (busy && !o.dryRun) throw new UsageError(`sweep: ${busy}: sweep when it has ended, or pass --force if that process is no conformance run`)
    const fromLedgers = ledgers.flatMap((l) => l.open.filter((r) => !r.keep))
    let marked: LedgerResource[]
    try {
      marked = await markedResources(api, o.includeShared === true)
    } catch (err) {
      throw new UsageError(`sweep: cannot list what is on ${origin}: ${(err as Error).message}`)
    }
    const todo = unique([...fromLedgers, ...marked])
    const w = (s: string) => out.write(`${s}\n`)
    w(`sweep: ${origin} (account ${redactedId(target.accountSid)}): ${countByKind(todo)} left by earlier runs (${ledgers.length} ledger${ledgers.length === 1 ? '' : 's'} in ${o.ledgerDir}, and the conformance-suite marker)`)
    if (o.dryRun) {
      if (busy) w(`sweep: ${busy}; sweep will refuse until it ends`)
      for (const r of inDeletionOrder(todo)) w(`  would delete ${r.kind} ${r.path}`)
      w('sweep: dry run, nothing deleted')
      return 0
    }
    const result = await deleteResources(api, todo)
    for (const r of result.deleted) w(`  deleted ${r.kind} ${r.path}`)
    for (const f of result.failed) w(`  could not delete ${f.resource.kind} ${f.resource.path}: ${f.why}`)
    removeFinishedLedgers(ledgers, new Set(result.failed.map((f) => f.resource.path)))
    w(`sweep: deleted ${countByKind(result.deleted)}${result.failed.length > 0 ? `; ${result.failed.length} could not be deleted` : ''}`)
    return result.failed.length > 0 ? 1 : 0
  } finally {
    await dispatcher.close()
  }
}

/** Everything on the target that carries the marker: conversations, services, and Users. */
async function markedResources(api: ConversationsApi, includeShared: boolean): Promise<LedgerResource[]> {
  const found = await markedIn(api, '/v1')
  for (const s of await api.listEvery('/v1/Services', 'services')) {
    const sid = s['sid']
    if (!isMarked(s['friendly_name']) || typeof sid !== 'string') continue
    if (s['friendly_name'] !== SHARED_SERVICE_NAME || includeShared) found.push({ kind: 'service', path: `/v1/Services/${sid}`, sid })
    // The shared service stays; what runs left inside it goes.
    else found.push(...(await markedIn(api, `/v1/Services/${sid}`)))
  }
  return found
}

/** The marked conversations (by FriendlyName) and Users (by identity) under a base: the account's, or a service's. */
async function markedIn(api: ConversationsApi, base: string): Promise<LedgerResource[]> {
  const found: LedgerResource[] = []
  const lists = [
    { kind: 'conversation', path: `${base}/Conversations`, key: 'conversations', name: 'friendly_name' },
    { kind: 'user', path: `${base}/Users`, key: 'users', name: 'identity' },
  ] as const
  for (const { kind, path, key, name } of lists) {
    for (const item of await api.listEvery(path, key)) {
      const sid = item['sid']
      if (isMarked(item[name]) && typeof sid === 'string') found.push({ kind, path: `${path}/${sid}`, sid })
    }
  }
  return found
}

/** The same resource reached two ways (a ledger path with the identity, the marker scan with the SID) is deleted once. */
function unique(resources: readonly LedgerResource[]): LedgerResource[] {
  const seen = new Set<string>()
  return resources.filter((r) => {
    const key = r.sid ? `${r.kind}:${r.sid.toLowerCase()}` : r.path
    if (seen.has(key) || seen.has(r.path)) return false
    seen.add(key).add(r.path)
    return true
  })
}

/** A ledger whose every resource is gone has nothing left to tell. */
function removeFinishedLedgers(ledgers: readonly LedgerContents[], stillThere: ReadonlySet<string>): void {
  for (const l of ledgers) if (!l.open.some((r) => stillThere.has(r.path) && !r.keep)) rmSync(l.file, { force: true })
}
