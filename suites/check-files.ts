// Which check files there are and how they are dealt to vitest's workers: shared by the loader (load-checks.ts) and
// the build, which bundles the loader with every check in it (scripts/build.mjs).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The check files under `dir` (they end in .check.ts, or .check.js compiled), in name order. */
export function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? checkFiles(join(dir, e.name)) : /\.check\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort()
}

/**
 * Loads part `part` (0-based) of `parts` of the checks, dealt round-robin so each part gets every kind of check, one
 * after the other in their order (each check registers its tests as it loads).
 */
export async function loadPart(loaders: ReadonlyArray<() => Promise<unknown>>, part: number, parts: number): Promise<void> {
  for (let i = part; i < loaders.length; i += parts) await loaders[i]!()
}
