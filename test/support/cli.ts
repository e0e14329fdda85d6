import { PACKAGE_DIR, type ProcessRun, runConformanceProcess, startConformanceProcess } from './spawn.ts'

export const ROOT = PACKAGE_DIR
export type CliRun = ProcessRun

/** Runs the conformance CLI as a user would (a separate process), with a hard time limit. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<CliRun> {
  return runConformanceProcess(args, env, timeoutMs)
}

/** Starts the CLI without waiting: for tests that send it a signal. */
export const startCli = startConformanceProcess
