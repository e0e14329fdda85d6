// Loads the check files into the vitest file that imports it (suites/*.run.ts), from the sources or from the
// installed package, where vitest runs files as they are, without transforming them. The build replaces the compiled
// loader with one file that holds every check (scripts/build.mjs), so a worker loads one module instead of about a
// hundred; it deals the same parts either way.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { checkFiles, loadPart } from './check-files.ts'

const here = fileURLToPath(new URL('.', import.meta.url))

/** Loads part `part` (0-based) of `parts` of the check files, in name order. */
export async function loadChecks(part: number, parts: number): Promise<void> {
  await loadPart(checkFiles(here).map((file) => () => import(pathToFileURL(file).href)), part, parts)
}
