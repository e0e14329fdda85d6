import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FAULT_TARGETS } from '../mock/faults.ts'
import { citedChecks, lintFaultTargets, lintSuite } from '../src/catalogue/lint.ts'
import { renderRequirementsMarkdown, REQUIREMENTS_DOC } from '../src/catalogue/render-markdown.ts'

describe('suite lint', () => {
  test('the real suites pass the lint', () => {
    expect(lintSuite()).toEqual([])
  })

  test('a check citing an unknown ID is caught', () => {
    const problems = lintSuite([...citedChecks(), { id: 'msg.create.no-such-thing', file: 'suites/create/no-such-thing.check.ts' }])
    expect(problems).toContain('suites/create/no-such-thing.check.ts: cites unknown requirement msg.create.no-such-thing')
  })

  test('a must requirement without a check is caught', () => {
    const withoutCreate = citedChecks().filter((c) => c.id !== 'msg.create.status-201')
    expect(lintSuite(withoutCreate)).toContain('msg.create.status-201: must requirement without a check')
  })

  test('a file citing two requirements is caught', () => {
    const problems = lintSuite([...citedChecks(), { id: 'msg.create.status-201', file: 'suites/mixed.check.ts' }, { id: 'msg.delete.use-after-free', file: 'suites/mixed.check.ts' }])
    expect(problems.some((p) => p.startsWith('suites/mixed.check.ts: cites 2 requirements'))).toBe(true)
  })

  test("a check whose file does not match its ID is caught (msg.<area>.<behaviour> lives in suites/<area>/<behaviour>)", () => {
    const moved = citedChecks().map((c) => (c.id === 'msg.create.status-201' ? { ...c, file: 'suites/fetch/status.check.ts' } : c))
    expect(lintSuite(moved)).toContain('suites/fetch/status.check.ts: checks msg.create.status-201, so it belongs in suites/create/status-201.check.ts')
  })
})

describe('the fault table follows the catalogue', () => {
  test('every fault names the requirements it must turn red, every must requirement has a fault aimed at it', () => {
    expect(lintFaultTargets(FAULT_TARGETS)).toEqual([])
  })

  test('a fault with no target, a target that is no requirement, a must nothing aims at: each is caught', () => {
    const { 'create-200': _aimed, ...rest } = FAULT_TARGETS
    const problems = lintFaultTargets({ ...rest, 'no-target': [], 'typo-target': ['msg.create.status-2O1'] })
    expect(problems).toContain('fault no-target names no requirement it must turn red')
    expect(problems).toContain('fault typo-target names msg.create.status-2O1, which is not in the catalogue')
    expect(problems).toContain('msg.create.status-201: must requirement that no fault is aimed at (add one to mock/faults.ts)')
  })
})

describe('docs/requirements.md', () => {
  test('is generated from the current catalogue (run npm run docs:requirements)', () => {
    expect(readFileSync(REQUIREMENTS_DOC, 'utf8')).toBe(renderRequirementsMarkdown())
  })
})
