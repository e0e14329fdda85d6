/**
 * What changed between two run reports of the same target (`conformance diff BEFORE.json AFTER.json`): the
 * requirements whose status changed, the reading chosen where a requirement allows several, response properties
 * new to the schemas or no longer seen, the statuses and error codes each requirement met, and latency per
 * operation. News is not a failure: only a `must` that went from passed to failed is a regression.
 *
 * Reports of format 1.0 (no formatMinor) carry none of the structured facts: the diff compares what both carry and
 * says what it could not compare.
 */
import type { RequirementResult, RequirementStatus, RunReport } from './run-report.ts'
import type { LatencyStats } from './run-facts.ts'

export interface StatusChange {
  id: string
  level: string
  before: RequirementStatus | 'not run'
  after: RequirementStatus | 'not run'
  /** A `must` that passed and now fails. */
  regression: boolean
}

export interface ReadingChange {
  id: string
  name: string
  before?: string
  after?: string
}

export interface ResponsesChange {
  id: string
  /** `<operation> <status>[ <code>]` seen now and not before, and the other way round. */
  added: string[]
  removed: string[]
}

export interface LatencyChange {
  operation: string
  before?: LatencyStats
  after?: LatencyStats
}

export interface RunDiff {
  format: 'conversations-message-conformance-diff'
  formatVersion: 1
  before: DiffSide
  after: DiffSide
  /** What could not be compared, and why (a report of format 1.0, another target). */
  notes: string[]
  statuses: StatusChange[]
  readings: ReadingChange[]
  /** Properties the schemas do not know, seen now and not before (new in the service?); documented ones seen before and no longer. */
  properties: { new: string[]; gone: string[] }
  responses: ResponsesChange[]
  latency: LatencyChange[]
  /** The `must` requirements that went from passed to failed. */
  regressions: string[]
  /** True when anything but latency changed. */
  changed: boolean
  /** 1 when a `must` regressed, else 0. */
  exitCode: 0 | 1
}

export interface DiffSide {
  file: string
  startedAt: string
  seed: number
  verdict: string
  target: string
  format: string
}

const PASSED: ReadonlySet<string> = new Set(['passed', 'unexpected-pass'])

/** Compares two run reports; `files` name them in notes. */
export function diffReports(before: RunReport, after: RunReport, files: { before: string; after: string }): RunDiff {
  const notes: string[] = []
  const target = (r: RunReport) => (r.target.embedded ? 'the embedded reference server' : r.target.url)
  if (target(before) !== target(after)) notes.push(`the reports are of different targets (${target(before)}, ${target(after)}): what changed may be the target, not the service`)
  const structured = (r: RunReport, file: string) => {
    const ok = (r.formatMinor ?? 0) >= 1
    if (!ok) notes.push(`${file} is run report format 1.0: it carries no readings, responses, properties or latency, so those are not compared (run it again with this suite's version to have them)`)
    return ok
  }
  const both = [structured(before, files.before), structured(after, files.after)].every(Boolean)
  if (both && (!before.properties || !after.properties)) notes.push('a report carries no properties or latency (merged from shards?): those are not compared')

  const beforeById = new Map(before.results.map((r) => [r.id, r]))
  const afterById = new Map(after.results.map((r) => [r.id, r]))
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])].sort()
  const statuses: StatusChange[] = []
  const readings: ReadingChange[] = []
  const responses: ResponsesChange[] = []
  for (const id of ids) {
    const b = beforeById.get(id)
    const a = afterById.get(id)
    const bs = b?.status ?? 'not run'
    const as = a?.status ?? 'not run'
    if (bs !== as) {
      const level = (a ?? b)!.level
      statuses.push({ id, level, before: bs, after: as, regression: level === 'must' && PASSED.has(bs) && as === 'failed' })
    }
    if (!both || !a || !b) continue
    readings.push(...readingChanges(id, b, a))
    const change = responsesChange(id, b, a)
    if (change) responses.push(change)
  }
  const properties =
    both && before.properties && after.properties
      ? { new: minus(after.properties.unknown, before.properties.unknown), gone: minus(before.properties.documented, after.properties.documented) }
      : { new: [], gone: [] }
  const latency = both && before.latency && after.latency ? latencyChanges(before.latency, after.latency) : []
  const regressions = statuses.filter((s) => s.regression).map((s) => s.id)
  const changed = statuses.length + readings.length + responses.length + properties.new.length + properties.gone.length > 0
  return {
    format: 'conversations-message-conformance-diff',
    formatVersion: 1,
    before: side(before, files.before),
    after: side(after, files.after),
    notes,
    statuses,
    readings,
    properties,
    responses,
    latency,
    regressions,
    changed,
    exitCode: regressions.length > 0 ? 1 : 0,
  }
}

function side(r: RunReport, file: string): DiffSide {
  return { file, startedAt: r.startedAt, seed: r.seed, verdict: r.verdict, target: r.target.embedded ? 'the embedded reference server' : r.target.url, format: `1.${r.formatMinor ?? 0}` }
}

function readingChanges(id: string, b: RequirementResult, a: RequirementResult): ReadingChange[] {
  const br = b.readings ?? {}
  const ar = a.readings ?? {}
  const names = [...new Set([...Object.keys(br), ...Object.keys(ar)])].sort()
  return names.filter((n) => br[n] !== ar[n]).map((name) => ({ id, name, ...(br[name] !== undefined ? { before: br[name] } : {}), ...(ar[name] !== undefined ? { after: ar[name] } : {}) }))
}

function responsesChange(id: string, b: RequirementResult, a: RequirementResult): ResponsesChange | undefined {
  // A requirement that could not be judged on one side met what its setup met: comparing it says nothing.
  if (b.status === 'error' || a.status === 'error' || b.status === 'skipped' || a.status === 'skipped') return undefined
  const added = minus(a.responses ?? [], b.responses ?? [])
  const removed = minus(b.responses ?? [], a.responses ?? [])
  return added.length + removed.length > 0 ? { id, added, removed } : undefined
}

function latencyChanges(b: Record<string, LatencyStats>, a: Record<string, LatencyStats>): LatencyChange[] {
  const ops = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()
  return ops.map((operation) => ({ operation, ...(b[operation] ? { before: b[operation] } : {}), ...(a[operation] ? { after: a[operation] } : {}) }))
}

function minus(xs: readonly string[], ys: readonly string[]): string[] {
  const drop = new Set(ys)
  return xs.filter((x) => !drop.has(x))
}
