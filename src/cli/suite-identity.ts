import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REQUIREMENTS } from '../catalogue/requirements.ts'
import { PACKAGE_ROOT } from '../run/paths.ts'

let identity: { name: string; version: string } | undefined

/** The suite's name and version, from its package.json (read once). */
export function suiteIdentity(): { name: string; version: string } {
  identity ??= (({ name, version }) => ({ name, version }))(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string })
  return identity
}

/** What --version prints: the suite version and the size of its catalogue. */
export function versionLine(): string {
  const { name, version } = suiteIdentity()
  const by = (level: string) => REQUIREMENTS.filter((r) => r.level === level).length
  return `${name} ${version} (${REQUIREMENTS.length} requirements: ${by('must')} must, ${by('should')} should)`
}
