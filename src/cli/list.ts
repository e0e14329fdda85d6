import pc from 'picocolors'
import { shardOf } from '../catalogue/costs.ts'
import { REQUIREMENTS, selectRequirements } from '../catalogue/requirements.ts'
import type { Requirement } from '../catalogue/types.ts'
import type { RunOptions } from './options.ts'
import { UsageError } from './usage-error.ts'

/** `conformance --list [prefix...] [--shard i/n]`: what a run would judge, without contacting anything. */
export function listCommand(options: Pick<RunOptions, 'select' | 'shard'>, out: NodeJS.WritableStream = process.stdout): number {
  printRequirementList(selectedRequirements(options), out)
  return 0
}

/** The requirements the prefixes select, then this shard's part of them: what a run (or --list) judges. */
export function selectedRequirements(options: Pick<RunOptions, 'select' | 'shard'>): Requirement[] {
  const chosen = selectRequirements(options.select)
  if (chosen.length === 0) throw new UsageError(`no requirement ID starts with ${options.select.join(' or ')}; list them with --list`)
  if (!options.shard) return chosen
  const part = shardOf(chosen, options.shard.index, options.shard.count)
  if (part.length === 0) throw new UsageError(`--shard ${options.shard.index}/${options.shard.count}: no requirement falls into this shard (${chosen.length} selected); use fewer shards`)
  return part
}

/**
 * The requirements a run would judge, one per line (ID, level, summary). Tab-free and stable, so `grep` and `cut`
 * work on it.
 */
export function printRequirementList(requirements: readonly Requirement[], out: NodeJS.WritableStream = process.stdout): void {
  const width = Math.max(0, ...requirements.map((r) => r.id.length))
  for (const r of requirements) {
    const level = r.level.padEnd(6)
    out.write(`${r.id.padEnd(width)}  ${r.level === 'must' ? pc.bold(level) : pc.dim(level)}  ${r.summary}\n`)
  }
  const by = (l: string) => requirements.filter((r) => r.level === l).length
  const of = requirements.length < REQUIREMENTS.length ? ` of ${REQUIREMENTS.length}` : ''
  out.write(pc.dim(`${requirements.length}${of} requirements (${by('must')} must, ${by('should')} should, ${by('may')} may)\n`))
}
