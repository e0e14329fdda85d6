/**
 * Every output of a run is checked before the first request, so a path that cannot be written costs a user one
 * line and no time (a live run can take many minutes): each --report file can be created and written, the --record
 * folder can be created and is not silently replaced. Writing a report later never throws a stack trace at the user:
 * a report that cannot be written is one line, and the others are still written.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { ReportSpec } from '../report/writers.ts'
import { UsageError } from './usage-error.ts'
import { makeFolders } from '../run/folders.ts'

/** Throws a UsageError naming the first --report path that cannot be written. */
export function checkReportPaths(specs: readonly ReportSpec[]): void {
  const seen = new Map<string, string>()
  for (const spec of specs) {
    const file = resolve(spec.path)
    const flag = `--report ${spec.format}:${spec.path}`
    const other = seen.get(file)
    if (other) throw new UsageError(`${flag}: the same file as ${other}; give each report its own path`)
    seen.set(file, flag)
    const problem = unwritableFile(file)
    if (problem) throw new UsageError(`${flag}: ${problem}`)
  }
}

/** Why `file` cannot be written (its folder created, the file opened for writing), or undefined when it can. */
export function unwritableFile(file: string): string | undefined {
  if (existsSync(file) && statSync(file).isDirectory()) return `${file} is a folder, not a file`
  const folderProblem = uncreatableFolder(dirname(file))
  if (folderProblem) return folderProblem
  // The folder is made now (an empty report folder is harmless): only making it proves it can be made.
  try {
    makeFolders(dirname(file))
  } catch (err) {
    return `cannot create the folder ${dirname(file)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`
  }
  const existed = existsSync(file)
  try {
    closeSync(openSync(file, 'a'))
  } catch (err) {
    return `cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`
  } finally {
    // The probe leaves nothing behind: the report is written when the run ends.
    if (!existed) rmSync(file, { force: true })
  }
  return undefined
}

/**
 * Why `dir` cannot be created and written, or undefined. The nearest existing ancestor must be a writable folder;
 * nothing is created here (mkdir happens when the output is written), so a refused run leaves no empty folders.
 */
function uncreatableFolder(dir: string): string | undefined {
  let existing = resolve(dir)
  while (!existsSync(existing)) {
    const up = dirname(existing)
    if (up === existing) return `cannot create ${dir}: no part of that path exists`
    existing = up
  }
  if (!statSync(existing).isDirectory()) return `cannot create the folder ${dir}: ${existing} is a file`
  try {
    accessSync(existing, constants.W_OK | constants.X_OK)
  } catch {
    return `cannot create or write in ${dir}: ${existing} is not writable`
  }
  return undefined
}

/**
 * The run's ledger (what it creates, for its cleanup and `sweep`) must be writable before the first request: run from
 * a folder the user cannot write, the default `.conformance/ledgers` is not, and each check would otherwise fail at
 * its first creation. The folder is made (only that proves it can be), the file is probed and left out.
 */
export function checkLedgerFolder(dir: string, file: string): void {
  const problem = unwritableFile(file)
  if (problem) throw new UsageError(`--ledger-dir ${dir} (where the run writes down what it creates, to delete it): ${problem}; run from a folder you can write, or give --ledger-dir`)
}

type RecordFolderState = { kind: 'new' } | { kind: 'recording'; files: number } | { kind: 'other'; files: number }

/** What is in a --record folder now: nothing (or not there), an earlier recording (it has a manifest), or other files. */
function recordFolderState(dir: string): RecordFolderState {
  const abs = resolve(dir)
  if (!existsSync(abs)) return { kind: 'new' }
  if (!statSync(abs).isDirectory()) throw new UsageError(`--record ${dir}: that is a file, not a folder`)
  const files = readdirSync(abs)
  if (files.length === 0) return { kind: 'new' }
  return files.includes('manifest.json') ? { kind: 'recording', files: files.length } : { kind: 'other', files: files.length }
}

/** Checks the --record folder against what the user asked to happen to an existing recording. */
export function checkRecordFolder(dir: string, existing: 'refuse' | 'overwrite' | 'merge'): void {
  const problem = uncreatableFolder(dir)
  if (problem) throw new UsageError(`--record ${dir}: ${problem}`)
  const state = recordFolderState(dir)
  if (state.kind === 'other') throw new UsageError(`--record ${dir}: the folder holds ${state.files} files but no recording (no manifest.json); give an empty or new folder`)
  if (state.kind === 'recording' && existing === 'refuse') {
    throw new UsageError(`--record ${dir}: the folder already holds a recording (${state.files} files); add --record-overwrite to replace it, or --record-merge to re-record only the selected checks into it`)
  }
  if (state.kind === 'new' && existing === 'merge') throw new UsageError(`--record-merge: ${dir} holds no recording to merge into; drop --record-merge to make a new one`)
  // Made now: only making the folder proves it can be made (some paths pass every test and still refuse a mkdir).
  try {
    makeFolders(dir)
  } catch (err) {
    throw new UsageError(`--record ${dir}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
  }
}

