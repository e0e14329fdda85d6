/**
 * The ledger: every resource a run creates on the target, written down the moment the target confirms it (one
 * JSON line each, appended synchronously, so a crash loses nothing written before it), and every deletion. A check
 * deletes what it made; the CLI deletes what is still open at the end of a run or on SIGINT/SIGTERM; `conformance
 * sweep` deletes what a killed run left, from its ledger file. Workers (threads) and the CLI append to the same file:
 * each line is one small write with O_APPEND, so lines never interleave.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { makeFolders } from './folders.ts'

export type ResourceKind = 'conversation' | 'service' | 'participant' | 'user'

export interface LedgerResource {
  kind: ResourceKind
  /** The path on the target that deletes it, from /v1/ on (e.g. /v1/Services/IS…/Users/conformance-ab12). */
  path: string
  sid?: string
  /** Kept between runs on purpose (the marked second service): a run's cleanup leaves it. */
  keep?: boolean
}

interface CreatedLine extends LedgerResource {
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

  constructor(
    private readonly file: string | undefined,
    private readonly run: { runId: string; origin: string },
  ) {
    if (file) makeFolders(dirname(file))
  }

  created(resource: LedgerResource): void {
    this.open.set(resource.path, resource)
    this.append({ op: 'created', at: new Date().toISOString(), ...this.run, ...resource })
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
  runIds: string[]
  origins: string[]
  /** Created and not deleted, newest first. */
  open: LedgerResource[]
  /** Lines that were not ledger lines (a line cut by a crash): skipped, counted. */
  unreadable: number
}

/** Reads one ledger file: what its run created and did not delete. */
export function readLedger(file: string): LedgerContents {
  const open = new Map<string, LedgerResource>()
  const runIds = new Set<string>()
  const origins = new Set<string>()
  let unreadable = 0
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue
    let line: LedgerLine
    try {
      line = JSON.parse(text) as LedgerLine
    } catch {
      unreadable++
      continue
    }
    if (line.op === 'created' && typeof line.path === 'string') {
      runIds.add(line.runId)
      origins.add(line.origin)
      open.set(line.path, { kind: line.kind, path: line.path, ...(line.sid ? { sid: line.sid } : {}), ...(line.keep ? { keep: true } : {}) })
    } else if (line.op === 'deleted' && typeof line.path === 'string') open.delete(line.path)
    else unreadable++
  }
  return { file, runIds: [...runIds], origins: [...origins], open: [...open.values()].reverse(), unreadable }
}

/** The ledger files in a folder (none when it does not exist). */
export function ledgerFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f))
}

/** The file name of a run's ledger: its run ID made safe for a file name. */
export function ledgerFileName(runId: string): string {
  return `${runId.replace(/[^A-Za-z0-9._-]+/g, '-')}.jsonl`
}
