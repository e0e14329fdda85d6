import { FAULT_TARGETS } from '../../mock/faults.ts'
import { REQUIREMENTS } from '../catalogue/requirements.ts'
import type { SubjectOutcome } from './run-subject.ts'

export interface MutationResult {
  seed: number
  wallTimeMs: number
  clean: SubjectOutcome
  faults: SubjectOutcome[]
  variants: SubjectOutcome[]
  /** Production conditions: like variants, each must be CONFORMANT. */
  conditions: SubjectOutcome[]
  killed: number
  total: number
  /** killed / total, 0..1 */
  score: number
  /** Faults no requirement failed on. */
  survivors: string[]
  /** `must` requirements that failed on no fault: a check that never failed here may be unable to fail. */
  mustWithoutKill: string[]
  /** Why the gate fails; empty when it passes. */
  problems: string[]
  /** True when only some faults ran (--fault): then mustWithoutKill says nothing and is not shown. */
  partial: boolean
}

/** A fault is killed when at least one requirement fails on it; the clean server and every variant must pass. */
export function score(outcomes: readonly SubjectOutcome[], seed: number, wallTimeMs: number, minScore: number, everyFault = false): MutationResult {
  const clean = outcomes.find((o) => o.subject.kind === 'clean')!
  const faults = outcomes.filter((o) => o.subject.kind === 'fault')
  const variants = outcomes.filter((o) => o.subject.kind === 'variant')
  const conditions = outcomes.filter((o) => o.subject.kind === 'condition')
  const killed = faults.filter((f) => f.failed.length > 0)
  const killers = new Set(faults.flatMap((f) => f.failed.map((x) => x.id)))
  const mustWithoutKill = REQUIREMENTS.filter((r) => r.level === 'must' && !killers.has(r.id)).map((r) => r.id)
  const total = faults.length
  const result: MutationResult = {
    seed,
    wallTimeMs,
    clean,
    faults,
    variants,
    conditions,
    killed: killed.length,
    total,
    score: total === 0 ? 1 : killed.length / total,
    survivors: faults.filter((f) => f.failed.length === 0).map((f) => f.subject.name),
    mustWithoutKill,
    problems: [],
    partial: !everyFault,
  }
  const p = result.problems
  if (clean.verdict !== 'CONFORMANT') p.push(`the clean server is ${clean.verdict}: ${describeFailures(clean)}`)
  for (const v of [...variants, ...conditions]) {
    const mustFailed = v.failed.filter((f) => f.level === 'must')
    if (mustFailed.length > 0 || v.errored.length > 0 || v.problem || v.verdict === 'INCOMPLETE') p.push(`${v.subject.kind} ${v.subject.name}: ${describeFailures(v)}`)
  }
  for (const o of outcomes) if (o.problem) p.push(`${o.subject.name}: no report (${o.problem})`)
  // A fault is aimed at requirements (mock/faults.ts): each of them must turn red, or its check has gone blind.
  for (const f of faults) {
    const missed = missedTargets(f)
    if (missed.length > 0 && !f.problem) p.push(`fault ${f.subject.name} left ${missed.join(', ')} green, though it is aimed at ${missed.length === 1 ? 'it' : 'them'}`)
  }
  // Over the whole fault table, a must requirement that nothing turns red may have a check that cannot fail.
  if (everyFault && mustWithoutKill.length > 0) p.push(`no fault turns these must requirements red: ${mustWithoutKill.join(', ')}`)
  if (result.score < minScore) p.push(`score ${(result.score * 100).toFixed(1)}% is below ${(minScore * 100).toFixed(1)}%; survivors: ${result.survivors.join(', ')}`)
  return result
}

/** The requirements a fault is aimed at (mock/faults.ts) that did not fail on it. */
export function missedTargets(outcome: SubjectOutcome): string[] {
  return (FAULT_TARGETS[outcome.subject.name] ?? []).filter((id) => !outcome.failed.some((f) => f.id === id))
}

function describeFailures(o: SubjectOutcome): string {
  const parts = [...o.failed.map((f) => `${f.id} (${f.level}) failed`), ...o.errored.map((id) => `${id} setup error`)]
  return parts.length > 0 ? parts.join(', ') : (o.problem ?? o.verdict)
}
