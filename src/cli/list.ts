import pc from 'picocolors'
import type { Requirement } from '../catalogue/types.ts'

/**
 * `conformance --list [prefix...]`: the requirements a run would judge, one per line (ID, level, summary), without
 * contacting a target or starting the reference server. Tab-free and stable, so `grep` and `cut` work on it.
 */
export function printRequirementList(requirements: readonly Requirement[], out: NodeJS.WritableStream = process.stdout): void {
  const width = Math.max(0, ...requirements.map((r) => r.id.length))
  for (const r of requirements) {
    const level = r.level.padEnd(6)
    out.write(`${r.id.padEnd(width)}  ${r.level === 'must' ? pc.bold(level) : pc.dim(level)}  ${r.summary}\n`)
  }
  const by = (l: string) => requirements.filter((r) => r.level === l).length
  out.write(pc.dim(`${requirements.length} requirements (${by('must')} must, ${by('should')} should, ${by('may')} may)\n`))
}
