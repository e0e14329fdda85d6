/**
 * The structured facts of a run that `conformance diff` compares (run report format 1.1): the reading each
 * requirement's target chose, the statuses and codes it met, the response properties seen, latency per operation,
 * and how the checks in flight adapted to 429s.
 */
import type { CheckResult } from '../run/results.ts'

/** Latency of one Message operation over the run, in milliseconds. */
export interface LatencyStats {
  count: number
  p50: number
  p95: number
}

/** How the checks in flight adapted to the target's 429s (ci profile), summed over the check workers. */
export interface AdaptationSummary {
  initial: number
  lowest: number
  final: number
  halvings: number
  increases: number
}

/** A requirement's readings over its checks: one value per name, or one per scope where the scopes differ. */
export function readingsOf(checks: readonly CheckResult[]): Record<string, string> | undefined {
  const byName = new Map<string, Map<string, string>>()
  for (const c of checks) for (const [name, value] of Object.entries(c.readings ?? {})) (byName.get(name) ?? byName.set(name, new Map()).get(name)!).set(c.scope ?? c.name, value)
  if (byName.size === 0) return undefined
  const out: Record<string, string> = {}
  for (const [name, byScope] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const values = new Set(byScope.values())
    if (values.size === 1) out[name] = [...values][0]!
    else for (const [scope, value] of byScope) out[`${name} [${scope}]`] = value
  }
  return out
}

/** The statuses and error codes a requirement's checks met, as `<operation> <status>[ <code>]`. */
export function responsesOf(checks: readonly CheckResult[]): string[] | undefined {
  const all = new Set(checks.flatMap((c) => c.facts?.responses ?? []))
  return all.size > 0 ? [...all].sort() : undefined
}

/** Response properties over the run: documented by the schemas, or unknown to them (undefined: no check recorded any, e.g. merged shards). */
export function propertiesOf(checks: readonly CheckResult[]): { documented: string[]; unknown: string[] } | undefined {
  if (!checks.some((c) => c.facts)) return undefined
  const documented = new Set<string>()
  const unknown = new Set<string>()
  for (const c of checks) {
    for (const p of c.facts?.properties.documented ?? []) documented.add(p)
    for (const p of c.facts?.properties.unknown ?? []) unknown.add(p)
  }
  return { documented: [...documented].sort(), unknown: [...unknown].sort() }
}

/** p50 and p95 per operation over every check's exchanges (nearest rank). */
export function latencyOf(checks: readonly CheckResult[]): Record<string, LatencyStats> | undefined {
  if (!checks.some((c) => c.facts)) return undefined
  const byOp = new Map<string, number[]>()
  for (const c of checks) for (const [op, ms] of Object.entries(c.facts?.latency ?? {})) byOp.set(op, [...(byOp.get(op) ?? []), ...ms])
  const out: Record<string, LatencyStats> = {}
  for (const [op, ms] of [...byOp].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = [...ms].sort((a, b) => a - b)
    out[op] = { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }
  }
  return out
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0
}

/** The adaptation over the run: each worker's last record (the one with the most moves), summed. */
export function adaptationOf(checks: readonly CheckResult[]): AdaptationSummary | undefined {
  const last = new Map<string, NonNullable<CheckResult['inFlight']>>()
  for (const c of checks) {
    if (!c.inFlight) continue
    const key = `${c.subject ?? ''} ${c.inFlight.worker}`
    const seen = last.get(key)
    if (!seen || c.inFlight.halvings + c.inFlight.increases > seen.halvings + seen.increases) last.set(key, c.inFlight)
  }
  if (last.size === 0) return undefined
  const sum = { initial: 0, lowest: 0, final: 0, halvings: 0, increases: 0 }
  for (const r of last.values()) {
    sum.initial += r.initial
    sum.lowest += r.lowest
    sum.final += r.current
    sum.halvings += r.halvings
    sum.increases += r.increases
  }
  return sum
}

/** The check as a report keeps it: its facts are summed up at the requirement and the run, not repeated per check. */
export function reportedCheck(c: CheckResult): CheckResult {
  if (!c.facts) return c
  const { facts: _facts, ...rest } = c
  return rest
}
