import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * `mkdir -p` one level at a time. Node 20's `mkdirSync(dir, { recursive: true })` spins forever on some paths it
 * cannot create (seen with /proc/nope: 100% CPU, never returns); creating each missing level in turn fails at once
 * with the real error (ENOENT, EACCES, ENOTDIR), which the caller turns into one line for the user.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = []
  let at = resolve(dir)
  while (!existsSync(at)) {
    missing.push(at)
    const up = dirname(at)
    if (up === at) break
    at = up
  }
  for (const folder of missing.reverse()) mkdirSync(folder)
}
