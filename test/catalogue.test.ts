import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { renderRequirementsMarkdown, REQUIREMENTS_DOC } from '../src/catalogue/render-markdown.ts'
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

describe('docs/requirements.md', () => {
  test('is generated from the current catalogue (run npm run docs:requirements)', () => {
    expect(readFileSync(REQUIREMENTS_DOC, 'utf8')).toBe(renderRequirementsMarkdown())
  })
})
