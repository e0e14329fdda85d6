// The one file vitest runs: every check file, loaded into one module graph. vitest runs the tests of one file
// concurrently (sequence.concurrent, up to the profile's concurrency), so one worker keeps many checks in flight;
// each check has its own conversation, so they cannot disturb each other. The check files are found on disk (they
// end in .check.ts, or .check.js compiled), so the same file works from the sources and from the installed package,
// where vitest runs files as they are, without transforming them.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? checkFiles(join(dir, e.name)) : /\.check\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort()
}

for (const file of checkFiles(here)) await import(pathToFileURL(file).href)
