import { type ChildProcess, execFile } from 'node:child_process'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../../src/run/paths.ts'

export const PACKAGE_DIR = PACKAGE_ROOT

/** The package's bin, as a user runs it: the compiled CLI when it is built and fresh, else the sources through tsx. */
const BIN = join(PACKAGE_ROOT, 'bin', 'conformance.mjs')

export interface ProcessRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the conformance CLI in its own process, as a user would, with a hard time limit. Only PATH and the given
 * variables reach it: credentials from the caller's environment must not leak into a run that did not ask.
 */
export function runConformanceProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 300_000): Promise<ProcessRun> {
  return startConformanceProcess(args, env, timeoutMs).done
}

/**
 * Starts the CLI in its own process without waiting for it: for tests that signal it (SIGINT, SIGTERM, SIGKILL).
 * `asBin`: the bin file itself is executed, through its `#!/usr/bin/env node` line, as `./node_modules/.bin/conformance`
 * runs it in the docs' workflows (the process signalled is then the one that cleans up).
 */
export function startConformanceProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 300_000, asBin = false): { child: ChildProcess; done: Promise<ProcessRun> } {
  let child!: ChildProcess
  const done = new Promise<ProcessRun>((resolve) => {
    child = execFile(
      asBin ? BIN : process.execPath,
      asBin ? [...args] : [BIN, ...args],
      { cwd: PACKAGE_DIR, env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
  return { child, done }
}
