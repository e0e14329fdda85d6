import { describe, expect, test } from 'vitest'
import { citedChecks, lintSuite } from '../src/catalogue/lint.ts'

describe('suite lint', () => {
  test('the real suites pass the lint', () => {
    expect(lintSuite()).toEqual([])
  })

  test('a check citing an unknown ID is caught', () => {
    const problems = lintSuite([...citedChecks(), { id: 'msg.create.no-such-thing', file: 'suites/x.check.ts' }])
    expect(problems).toContain('suites/x.check.ts: cites unknown requirement msg.create.no-such-thing')
  })

  test('a must requirement without a check is caught', () => {
    const withoutCreate = citedChecks().filter((c) => c.id !== 'msg.create.status-201')
    expect(lintSuite(withoutCreate)).toContain('msg.create.status-201: must requirement without a check')
  })

  test('a file citing two requirements is caught', () => {
    const problems = lintSuite([...citedChecks(), { id: 'msg.create.status-201', file: 'suites/mixed.check.ts' }, { id: 'msg.delete.use-after-free', file: 'suites/mixed.check.ts' }])
    expect(problems.some((p) => p.startsWith('suites/mixed.check.ts: cites 2 requirements'))).toBe(true)
  })
})
