import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FAULT_TARGETS } from '../mock/faults.ts'
import { BASES } from '../src/catalogue/basis.ts'
import { citedChecks, lintBasis, lintFaultTargets, lintSuite } from '../src/catalogue/lint.ts'
import { REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { normalise, readDocPage } from '../src/coverage/doc-page.ts'
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

describe('every requirement records its basis, and a must rests on a source', () => {
  test('the catalogue passes: every requirement has a basis, no must rests on an inference', () => {
    expect(lintBasis()).toEqual([])
  })

  test('a must whose basis is an inference is refused; the same requirement as a should is not', () => {
    const inferred = { id: 'msg.update.guessed', summary: 'An update does what we guessed', level: 'must', source: 'docs', ref: 'https://www.twilio.com/docs/conversations/api/conversation-message-resource', basis: { kind: 'inference', reasoning: 'nobody wrote it down' } } as const
    expect(lintBasis([...REQUIREMENTS, inferred])).toEqual([
      'msg.update.guessed: a must requirement whose basis is an inference; cite the Message page or another official Twilio page, or make it a should',
    ])
    expect(lintBasis([...REQUIREMENTS, { ...inferred, level: 'should' }])).toEqual([])
  })

  test('a requirement without a basis, a page that is not Twilio\'s, a basis for no requirement: each is caught', () => {
    const bare = { id: 'msg.list.bare', summary: 's', level: 'should', source: 'docs', ref: 'https://www.twilio.com/docs/x' } as const
    const blog = { ...bare, id: 'msg.list.blog', basis: { kind: 'twilio-page', url: 'https://example.com/twilio-tips', quote: 'trust me' } } as const
    const problems = lintBasis([...REQUIREMENTS, bare, blog], { ...BASES, 'msg.list.gone': { kind: 'inference', reasoning: 'r' } })
    expect(problems).toContain("msg.list.bare: no basis recorded (add one to src/catalogue/basis.ts: the Message page's words, another Twilio page, or an inference)")
    expect(problems).toContain('msg.list.blog: basis https://example.com/twilio-tips is not an official Twilio page (twilio.com/docs, or twilio-oai at a commit)')
    expect(problems).toContain('src/catalogue/basis.ts: msg.list.gone is not in the catalogue')
  })

  // The Message page is not vendored (src/coverage/doc-page.ts): the quotes are checked wherever it is present.
  test.runIf(readDocPage() !== undefined)('every quote of the Message page is on the page', () => {
    const pageText = normalise(readDocPage()!)
    const missing = REQUIREMENTS.filter((r) => r.basis?.kind === 'message-page' && !pageText.includes(normalise(r.basis.quote))).map((r) => r.id)
    expect(missing).toEqual([])
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
