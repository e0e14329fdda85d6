// Finds and loads the check files (they end in .check.ts, or .check.js compiled), so the same loader works from the
// sources and from the installed package, where vitest runs files as they are, without transforming them.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? checkFiles(join(dir, e.name)) : /\.check\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort()
}

/** Loads part `part` (0-based) of `parts` of the check files, dealt round-robin so each part gets every kind of check. */
export async function loadChecks(part: number, parts: number): Promise<void> {
  const files = checkFiles(here).filter((_, i) => i % parts === part)
  for (const file of files) await import(pathToFileURL(file).href)
}
