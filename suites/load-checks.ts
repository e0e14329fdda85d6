// Finds and loads the check files (they end in .check.ts, or .check.js compiled), so the same loader works from the
// sources and from the installed package, where vitest runs files as they are, without transforming them.
// The build replaces each compiled part-N.run.js with one file holding its part's checks (scripts/build.mjs), so a
// worker loads one module instead of about a hundred; the parts are the same either way (checkFilesOfPart).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The check files are dealt into this many parts, one vitest file (suites/part-N.run.ts) and worker each. */
export const PARTS = 2

const here = fileURLToPath(new URL('.', import.meta.url))

function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? checkFiles(join(dir, e.name)) : /\.check\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort()
}

/** Part `part` (0-based) of the check files under `dir`, dealt round-robin so each part gets every kind of check. */
export function checkFilesOfPart(dir: string, part: number): string[] {
  return checkFiles(dir).filter((_, i) => i % PARTS === part)
}

/** Loads part `part` (0-based) of the check files, in name order. */
export async function loadChecks(part: number): Promise<void> {
  for (const file of checkFilesOfPart(here, part)) await import(pathToFileURL(file).href)
}
