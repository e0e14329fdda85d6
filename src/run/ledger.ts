/**
 * The ledger: every resource a run creates on the target, written down the moment the target confirms it (one
 * JSON line each, appended synchronously, so a crash loses nothing written before it), and every deletion. A check
 * deletes what it made; the CLI deletes what is still open at the end of a run or on SIGINT/SIGTERM; `conformance
 * sweep` deletes what a killed run left, from its ledger file. Workers (threads) and the CLI append to the same file:
 * each line is one small write with O_APPEND, so lines never interleave.
 */
import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { makeFolders } from './folders.ts'

/** `media` (a media upload) and `content` (a Content template): what the media and template checks make on a target whose API allows it. */
export type ResourceKind = 'conversation' | 'service' | 'participant' | 'user' | 'media' | 'content'

export interface LedgerResource {
  kind: ResourceKind
  /** The path on the target that deletes it, from /v1/ on (e.g. /v1/Services/IS…/Users/conformance-ab12). */
  path: string
  sid?: string
  /** Kept between runs on purpose (the marked second service): a run's cleanup leaves it. */
  keep?: boolean
}

/** The process that writes a ledger: while it runs, `sweep` leaves the ledger's target alone. */
export interface LedgerOwner {
  pid: number
  host: string
}

interface CreatedLine extends LedgerResource, Partial<LedgerOwner> {
  op: 'created'
  at: string
  runId: string
  origin: string
}

interface DeletedLine {
  op: 'deleted'
  at: string
  path: string
}

type LedgerLine = CreatedLine | DeletedLine

/** What a check's client reports to (src/client/api.ts): creations the target confirmed, and deletions. */
export interface ResourceTracker {
  created(resource: LedgerResource): void
  deleted(path: string): void
}

/** Every resource a run made, in memory (for the check's own cleanup) and, when a file is given, on disk. */
export class Ledger implements ResourceTracker {
  private readonly open = new Map<string, LedgerResource>()
  private readonly owner: LedgerOwner = { pid: process.pid, host: hostname() }

  constructor(
    private readonly file: string | undefined,
    private readonly run: { runId: string; origin: string },
  ) {
    if (file) makeFolders(dirname(file))
  }

  created(resource: LedgerResource): void {
    this.open.set(resource.path, resource)
    this.append({ op: 'created', at: new Date().toISOString(), ...this.run, ...this.owner, ...resource })
  }

  deleted(path: string): void {
    if (!this.open.delete(path) && !this.file) return
    this.append({ op: 'deleted', at: new Date().toISOString(), path })
  }

  /** What is still there, newest first: the order to delete in (a User before its conversation, a conversation before its service). */
  stillOpen(): LedgerResource[] {
    return [...this.open.values()].reverse()
  }

  private append(line: LedgerLine): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(line)}\n`)
  }
}

export interface LedgerContents {
  file: string
  origins: string[]
  /** The processes that wrote it (ledgers of earlier versions name none). */
  owners: LedgerOwner[]
  /** Created and not deleted, newest first. */
  open: LedgerResource[]
}

/** Reads one ledger file: what its run created and did not delete. */
export function readLedger(file: string): LedgerContents {
  const open = new Map<string, LedgerResource>()
  const origins = new Set<string>()
  const owners = new Map<string, LedgerOwner>()
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue
    let line: LedgerLine
    try {
      line = JSON.parse(text) as LedgerLine
    } catch {
      continue // a line cut by a crash
    }
    if (line.op === 'created' && typeof line.path === 'string') {
      origins.add(line.origin)
      if (typeof line.pid === 'number' && typeof line.host === 'string') owners.set(`${line.host} ${line.pid}`, { pid: line.pid, host: line.host })
      open.set(line.path, { kind: line.kind, path: line.path, ...(line.sid ? { sid: line.sid } : {}), ...(line.keep ? { keep: true } : {}) })
    } else if (line.op === 'deleted' && typeof line.path === 'string') open.delete(line.path)
  }
  return { file, origins: [...origins], owners: [...owners.values()], open: [...open.values()].reverse() }
}

/** The ledger files in a folder (none when it does not exist). */
export function ledgerFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f))
}

/**
 * A new file name for a run's ledger: its run ID made safe for a file name, and a random part. Runs at once may share
 * a run ID (recordings of one seed, runs started in the same millisecond) and a ledger folder; each must clean up
 * only what it made, so each has a file of its own.
 */
export function newLedgerFileName(runId: string): string {
  return `${runId.replace(/[^A-Za-z0-9._-]+/g, '-')}.${randomBytes(4).toString('hex')}.jsonl`
}

/** The process of this machine that is still writing the ledger, if any: its run is going on. */
export function runningOwner(ledger: Pick<LedgerContents, 'owners'>): LedgerOwner | undefined {
  const here = hostname()
  return ledger.owners.find((o) => o.host === here && o.pid !== process.pid && processIsAlive(o.pid))
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: a process of another user has the pid; it is there.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
