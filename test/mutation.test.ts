import { describe, expect, test } from 'vitest'
import { FAULTS } from '../mock/faults.ts'
import { VARIANTS } from '../mock/variants.ts'
import { renderMutationMarkdown } from '../src/mutation/render.ts'
import type { SubjectOutcome } from '../src/mutation/run-subject.ts'
import { score } from '../src/mutation/score.ts'
import { planSubjects, type Subject } from '../src/mutation/subjects.ts'

// The gate logic of `npm run mutation` (the full run itself is a step of .ci/run: it takes minutes).

const subject = (kind: Subject['kind'], name: string): Subject => ({ kind, name, faults: kind === 'fault' ? [name] : [], variants: kind === 'variant' ? [name] : [], conditions: kind === 'condition' ? [name] : [], description: name })
const outcome = (s: Subject, failed: Array<[string, string]> = [], verdict = failed.length ? 'NOT CONFORMANT' : 'CONFORMANT'): SubjectOutcome => ({
  subject: s,
  exitCode: failed.length ? 1 : 0,
  failed: failed.map(([id, level]) => ({ id, level })),
  errored: [],
  verdict,
  requests: 10,
  durationMs: 5,
  selected: [],
})

describe('mutation scoring', () => {
  const clean = outcome(subject('clean', 'clean'))

  test('every fault killed, clean and variants green: the gate passes', () => {
    const r = score([clean, outcome(subject('fault', 'create-200'), [['msg.create.status-201', 'must']]), outcome(subject('variant', 'index-gaps'))], 1, 10, 1)
    expect(r.score).toBe(1)
    expect(r.problems).toEqual([])
    expect(renderMutationMarkdown(r)).toContain('Gate: **passed**')
  })

  test('a surviving fault drops the score and fails the gate, naming the survivor', () => {
    const r = score([clean, outcome(subject('fault', 'create-200'), [['msg.create.status-201', 'must']]), outcome(subject('fault', 'pages-skip'))], 1, 10, 1)
    expect(r.score).toBe(0.5)
    expect(r.survivors).toEqual(['pages-skip'])
    expect(r.problems.join('\n')).toMatch(/score 50\.0% is below 100\.0%; survivors: pages-skip/)
  })

  test('a variant with a must failure fails the gate even when every fault is killed', () => {
    const r = score([clean, outcome(subject('fault', 'create-200'), [['msg.create.status-201', 'must']]), outcome(subject('variant', 'index-gaps'), [['msg.list.index-increasing', 'must']])], 1, 10, 1)
    expect(r.problems).toEqual(['variant index-gaps: msg.list.index-increasing (must) failed'])
  })

  test('a clean server that is not conformant fails the gate', () => {
    const r = score([outcome(subject('clean', 'clean'), [['msg.list.meta', 'must']]), outcome(subject('fault', 'create-200'), [['msg.create.status-201', 'must']])], 1, 10, 1)
    expect(r.problems[0]).toMatch(/^the clean server is NOT CONFORMANT/)
  })

  test('must requirements that no fault turned red are listed', () => {
    const r = score([clean, outcome(subject('fault', 'create-200'), [['msg.create.status-201', 'must']])], 1, 10, 1)
    expect(r.mustWithoutKill).toContain('msg.list.paging-partition')
    expect(r.mustWithoutKill).not.toContain('msg.create.status-201')
  })
})

describe('mutation plan', () => {
  test('the clean server, every fault, every variant alone and all variants together', () => {
    const plan = planSubjects()
    expect(plan[0]!.kind).toBe('clean')
    expect(plan.filter((s) => s.kind === 'fault').map((s) => s.name)).toEqual(Object.keys(FAULTS))
    const variants = plan.filter((s) => s.kind === 'variant')
    expect(variants).toHaveLength(Object.keys(VARIANTS).length + 1)
    expect(variants.at(-1)!.variants).toEqual(Object.keys(VARIANTS))
  })

  test('an unknown fault name is refused with the way to list them', () => {
    expect(() => planSubjects({ faults: ['no-such-fault'] })).toThrow(/unknown fault "no-such-fault"; see npm run mock -- --list-faults/)
  })

})

describe('mutation gate over the whole fault table', () => {
  test('a must requirement that no fault turns red fails the gate of a full run, not of a partial one', () => {
    const outcomes = [outcome(subject('clean', 'clean')), outcome(subject('fault', 'create-200'), [['msg.create.status-201', 'must']])]
    expect(score(outcomes, 1, 10, 1, true).problems.join('\n')).toMatch(/no fault turns these must requirements red: .*msg\.list\.paging-partition/)
    expect(score(outcomes, 1, 10, 1, false).problems).toEqual([])
  })
})
