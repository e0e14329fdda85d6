/**
 * Self-tests of the report layer with hand-made check results: the verdict and the gate (levels, expectations),
 * the JSON run report against its schema, and the JUnit, HTML and Markdown renderers (structure, escaping of
 * untrusted server text, counterexamples).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Requirement } from '../src/catalogue/types.ts'
import type { CheckResult, EvidenceExchange } from '../src/run/results.ts'
import { type Expectations, isExpired, loadExpectations } from '../src/report/expectations.ts'
import { renderHtml } from '../src/report/html.ts'
import { renderJunit } from '../src/report/junit.ts'
import { MARKDOWN_BUDGET, renderMarkdown } from '../src/report/markdown.ts'
import { plural, settleLine } from '../src/report/presentation.ts'
import { buildRunReport, type GateLevel, type RunReport } from '../src/report/run-report.ts'
import { validateById } from '../src/schemas/validate.ts'
import { parseJunit } from './support/junit.ts'

const RUN_REPORT = 'urn:conversations-conformance:schema:run-report'
const DOC = 'https://www.twilio.com/docs/conversations/api/conversation-message-resource'
const XSS = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'

const req = (id: string, level: Requirement['level'] = 'must'): Requirement => ({ id, level, source: 'docs', ref: `${DOC}#x`, summary: `summary of ${id}` })
const REQS = [
  req('msg.create.status-201'),
  req('msg.create.body-round-trip'),
  req('msg.errors.more-info', 'should'),
  req('msg.list.order-property'),
  req('msg.delete.status-204-empty'),
]

const evidence = (body: string): EvidenceExchange => ({
  method: 'POST',
  path: '/v1/Conversations/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages',
  requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
  requestBody: 'Body=Ahoy',
  status: 200,
  responseHeaders: { 'content-type': 'application/json' },
  responseBody: body,
  durationMs: 3,
})

function check(requirement: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult {
  return { name: `${requirement} [default]`, requirement, scope: 'default', status, observations: [], requests: 2, durationMs: 12, ...extra }
}

const COUNTEREXAMPLE = {
  value: '[{"Body":"a`b|c <b>"},{"Order":"DeSc"}]',
  seed: 1234567,
  path: '3:1:0',
  replay: 'npx conformance msg.list.order-property --seed 99 --target http://127.0.0.1:4010',
  env: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'],
  runs: 17,
}

/** One of each: a must failure with evidence (XSS in the body), a pass, a should failure, a property failure, a setup error. */
function sampleChecks(): CheckResult[] {
  return [
    check('msg.create.status-201', 'failed', { message: `expected HTTP 201, got 200: POST … ${XSS}`, evidence: [evidence(`{"body":"${XSS.replace(/"/g, '\\"')}"}`)] }),
    check('msg.create.status-201', 'passed', { name: 'msg.create.status-201 [service]', scope: 'service' }),
    check('msg.create.body-round-trip', 'passed', { observations: ['Body kept byte for byte'] }),
    check('msg.errors.more-info', 'failed', { message: 'more_info is "" instead of https://www.twilio.com/docs/errors/20404', evidence: [evidence('{"more_info":""}')] }),
    check('msg.list.order-property', 'failed', { message: 'property failed: list order differs', counterexample: COUNTEREXAMPLE, evidence: [evidence('[]')] }),
    check('msg.delete.status-204-empty', 'passed'),
  ]
}

function report(options: { checks?: CheckResult[]; level?: GateLevel; expectations?: Expectations; requirements?: Requirement[]; runErrors?: string[]; interrupted?: 'SIGINT' | 'SIGTERM' } = {}): RunReport {
  return buildRunReport(options.requirements ?? REQS, options.checks ?? sampleChecks(), {
    suite: { name: 'conformance', version: '0.0.0-test' },
    target: { url: 'http://127.0.0.1:4010', embedded: false },
    profile: 'ci',
    seed: 42,
    startedAt: new Date('2026-03-01T10:00:00Z'),
    durationMs: 1234,
    runErrors: options.runErrors ?? [],
    ...(options.level ? { level: options.level } : {}),
    ...(options.expectations ? { expectations: options.expectations } : {}),
    ...(options.interrupted ? { interrupted: options.interrupted } : {}),
  })
}

const passingChecks = () => sampleChecks().filter((c) => c.requirement !== 'msg.create.status-201' && c.requirement !== 'msg.list.order-property')
const onlyShouldFails = () => [...passingChecks(), check('msg.create.status-201', 'passed'), check('msg.list.order-property', 'passed')]

describe('verdict and gate', () => {
  test('a must failure: NOT CONFORMANT, exit 1', () => {
    const r = report()
    expect(r.verdict).toBe('NOT CONFORMANT')
    expect(r.gate).toMatchObject({ passed: false, exitCode: 1 })
    expect(r.gate.reasons.join('\n')).toContain('msg.create.status-201 (must) failed')
    expect(r.summary).toMatchObject({ total: 5, failed: 3, passed: 2, mustFailed: 2, shouldFailed: 1 })
  })

  test('only a should failure: CONFORMANT WITH WARNINGS; exit 0 at level must, exit 1 at level should', () => {
    const atMust = report({ checks: onlyShouldFails() })
    expect(atMust.verdict).toBe('CONFORMANT WITH WARNINGS')
    expect(atMust.gate).toMatchObject({ passed: true, exitCode: 0, reasons: [] })
    expect(atMust.gate.notes.join('\n')).toContain('--level should would fail the run')
    const atShould = report({ checks: onlyShouldFails(), level: 'should' })
    expect(atShould.verdict).toBe('CONFORMANT WITH WARNINGS')
    expect(atShould.level).toBe('should')
    expect(atShould.gate).toMatchObject({ passed: false, exitCode: 1 })
    expect(atShould.gate.reasons).toEqual(['msg.errors.more-info (should) failed'])
  })

  test('a setup failure of a must requirement: INCOMPLETE, exit 2', () => {
    const r = report({ checks: [...onlyShouldFails().filter((c) => c.requirement !== 'msg.delete.status-204-empty'), check('msg.delete.status-204-empty', 'error', { message: 'could not create a conversation' })] })
    expect(r.verdict).toBe('INCOMPLETE')
    expect(r.gate.exitCode).toBe(2)
  })

  const expectations = (expires: string, ids = ['msg.create.status-201', 'msg.list.order-property']): Expectations => ({
    file: 'expectations/x.json',
    target: 'a clone',
    known: ids.map((id) => ({ id, reason: `tracked in issue 7 (${id})`, expires })),
  })

  test('known failures: reported, the verdict stays true, the gate passes', () => {
    const r = report({ expectations: expectations('2026-03-01') })
    expect(r.results.find((x) => x.id === 'msg.create.status-201')!.status).toBe('known-failure')
    expect(r.verdict).toBe('NOT CONFORMANT')
    expect(r.gate).toMatchObject({ passed: true, exitCode: 0 })
    expect(r.summary).toMatchObject({ knownFailure: 2, failed: 1, mustFailed: 2 })
    expect(r.expectations).toMatchObject({ entries: 2, expired: [], unexpectedPasses: [], unused: [] })
  })

  test('an entry for a requirement that passes: unexpected pass, flagged, not failing', () => {
    const r = report({ expectations: expectations('2030-01-01', ['msg.delete.status-204-empty']) })
    expect(r.results.find((x) => x.id === 'msg.delete.status-204-empty')!.status).toBe('unexpected-pass')
    expect(r.expectations!.unexpectedPasses).toEqual(['msg.delete.status-204-empty'])
    expect(r.gate.notes.join('\n')).toContain('remove the entry')
  })

  test('an expired entry excuses nothing and fails the run, even when the requirement passes', () => {
    const r = report({ expectations: expectations('2026-02-28') })
    expect(r.results.find((x) => x.id === 'msg.create.status-201')!.status).toBe('failed')
    expect(r.gate.exitCode).toBe(1)
    expect(r.expectations!.expired).toEqual(['msg.create.status-201', 'msg.list.order-property'])
    const passing = report({ checks: onlyShouldFails(), expectations: expectations('2026-02-28', ['msg.delete.status-204-empty']) })
    expect(passing.gate).toMatchObject({ passed: false, exitCode: 1 })
    expect(passing.gate.reasons[0]).toContain('expired on 2026-02-28')
  })

  test('expiry is inclusive of the day, in UTC', () => {
    const entry = { id: 'msg.create.status-201', reason: 'r', expires: '2026-03-01' }
    expect(isExpired(entry, new Date('2026-03-01T23:59:59Z'))).toBe(false)
    expect(isExpired(entry, new Date('2026-03-02T00:00:00Z'))).toBe(true)
  })

  test('every variant validates against the run-report schema', () => {
    const variants = [
      report(),
      report({ level: 'should' }),
      report({ expectations: expectations('2026-03-01') }),
      report({ expectations: expectations('2026-02-01', ['msg.delete.status-204-empty']) }),
      report({ runErrors: ['suites/x.check.ts: SyntaxError'] }),
    ]
    for (const v of variants) expect(validateById(RUN_REPORT, JSON.parse(JSON.stringify(v)))).toEqual([])
  })
})

describe('expectations file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-expect-'))
  const write = (name: string, content: string) => {
    const f = join(dir, name)
    writeFileSync(f, content)
    return f
  }

  test('the example for the reference server with create-200 loads', () => {
    const e = loadExpectations('expectations/reference-create-200.json')
    expect(e.known.map((k) => k.id)).toEqual(['msg.create.status-201'])
  })

  test.each([
    ['missing.json', undefined, /--expect .*missing\.json: no such file/],
    ['bad.json', '{ "target": ', /bad\.json: not valid JSON/],
    ['shape.json', '{ "known": [] }', /shape\.json: \/target is required/],
    ['date.json', '{ "target": "t", "known": [{ "id": "msg.create.status-201", "reason": "r", "expires": "2027-02-30" }] }', /date\.json: \/known\/0\/expires must match format "date"/],
    ['unknown.json', '{ "target": "t", "known": [{ "id": "msg.create.no-such-thing", "reason": "r", "expires": "2027-01-01" }] }', /unknown\.json: \/known\/0\/id "msg\.create\.no-such-thing" is not a requirement/],
    [
      'twice.json',
      '{ "target": "t", "known": [{ "id": "msg.create.status-201", "reason": "r", "expires": "2027-01-01" }, { "id": "msg.create.status-201", "reason": "r", "expires": "2027-01-01" }] }',
      /twice\.json: \/known\/1\/id "msg\.create\.status-201" is listed twice/,
    ],
  ])('%s: one line naming the file and the problem', (name, content, pattern) => {
    const file = content === undefined ? join(dir, name) : write(name, content)
    expect(() => loadExpectations(file)).toThrow(pattern)
    try {
      loadExpectations(file)
    } catch (err) {
      expect((err as Error).message).not.toContain('\n')
    }
  })
})

describe('JUnit XML', () => {
  test('structure CI parsers rely on: root testsuites, counts that add up, name and classname on every testcase', () => {
    const xml = renderJunit(report())
    const junit = parseJunit(xml)
    expect(junit.suites.map((s) => s.name)).toEqual(['msg.create', 'msg.errors', 'msg.list', 'msg.delete'])
    expect(junit.counts).toEqual({ tests: 5, failures: 2, errors: 0, skipped: 0 })
    const failed = junit.cases.find((c) => c.name === 'msg.create.status-201')!
    expect(failed).toMatchObject({ classname: 'msg.create', outcome: 'failure' })
    expect(failed.message).toContain('expected HTTP 201, got 200')
    // The evidence is the text of the failure element, XSS and all, as text.
    expect(failed.body).toContain('> POST /v1/Conversations/CH')
    expect(failed.body).toContain('< 200')
    expect(failed.body).toContain('<script>alert')
    expect(xml).not.toContain('<script>')
  })

  test('a should failure is a passed testcase with a warning at level must, a failure at level should', () => {
    const atMust = parseJunit(renderJunit(report({ checks: onlyShouldFails() })))
    const c = atMust.cases.find((x) => x.name === 'msg.errors.more-info')!
    expect(c.outcome).toBe('passed')
    expect(c.systemOut).toMatch(/^WARNING: should requirement failed/)
    expect(atMust.counts.failures).toBe(0)
    const atShould = parseJunit(renderJunit(report({ checks: onlyShouldFails(), level: 'should' })))
    expect(atShould.cases.find((x) => x.name === 'msg.errors.more-info')!.outcome).toBe('failure')
  })

  test('setup failures are <error>, known failures <skipped>, run errors a testsuite of errors', () => {
    const checks = [...sampleChecks().filter((c) => c.requirement !== 'msg.delete.status-204-empty'), check('msg.delete.status-204-empty', 'error', { message: 'setup: could not create a conversation' })]
    const junit = parseJunit(
      renderJunit(report({ checks, runErrors: ['suites/x.check.ts: SyntaxError \u0000 bad'], expectations: { file: 'e.json', target: 't', known: [{ id: 'msg.create.status-201', reason: 'issue 7', expires: '2030-01-01' }] } })),
    )
    expect(junit.cases.find((x) => x.name === 'msg.delete.status-204-empty')!.outcome).toBe('error')
    const known = junit.cases.find((x) => x.name === 'msg.create.status-201')!
    expect(known.outcome).toBe('skipped')
    expect(known.message).toContain('known failure until 2030-01-01: issue 7')
    expect(junit.suites.at(-1)!.name).toBe('conformance.run')
    expect(junit.suites.at(-1)!.counts.errors).toBe(1)
  })

  test('a counterexample and its replay command are in the failure text', () => {
    const c = parseJunit(renderJunit(report())).cases.find((x) => x.name === 'msg.list.order-property')!
    expect(c.body).toContain('counterexample (shrunk, after 17 runs): [{"Body":"a`b|c <b>"},{"Order":"DeSc"}]')
    // One seed: the run's, in the replay command; the property's own (derived from it) is not a second one to give.
    expect(c.body).not.toContain('seed 1234567')
    expect(c.body).toContain(`replay: ${COUNTEREXAMPLE.replay}\n  with the credentials in TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (set them first`)
  })
})

describe('HTML certificate', () => {
  const html = renderHtml(report())

  test('self-contained: no external resource, a CSP that forbids loading any', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/)
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i)
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i)
    expect(html).not.toMatch(/url\(|@import|@font-face/)
    // Exactly one script element: ours.
    expect(html.match(/<script\b/g)).toHaveLength(1)
  })

  test('untrusted server text is escaped', () => {
    expect(html).not.toContain(XSS)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;')
  })

  test('verdict, facts, counts and every requirement with status, level, source and doc link', () => {
    expect(html).toContain('<h1 id="verdict">NOT CONFORMANT</h1>')
    for (const fact of ['http://127.0.0.1:4010', '2026-03-01T10:00:00.000Z', 'conformance 0.0.0-test', 'seed 42']) expect(html).toContain(fact)
    for (const r of REQS) expect(html).toContain(`<tr id="${r.id}" data-status=`)
    expect(html).toContain('data-status="failed" data-area="create"')
    expect(html).toContain(`<a href="${DOC}#x" rel="noreferrer">doc</a>`)
    expect(html).toContain('@media print')
    expect(html).toContain('replay: npx conformance msg.list.order-property --seed 99')
  })

  test('filters: hidden until the script shows them, so without JS every row is visible', () => {
    expect(html).toMatch(/<form id="filters" class="filters" hidden>/)
    expect(html).not.toMatch(/<tr[^>]*\shidden/)
  })
})

describe('Markdown summary', () => {
  test('verdict, counts, failures with evidence, passes collapsed', () => {
    const md = renderMarkdown(report())
    expect(md).toMatch(/^## ❌ NOT CONFORMANT/)
    expect(md).toContain('| must |')
    expect(md).toContain('### Needs attention (3)')
    expect(md).toContain('<details><summary>2 requirements passed</summary>')
    expect(md).toContain('```http\n> POST /v1/Conversations/CH')
    // The counterexample holds a backtick: its fence must be longer than any run inside.
    expect(md).toContain('```\ncounterexample (shrunk, after 17 runs)')
  })

  test('server text cannot inject HTML or break the table', () => {
    const md = renderMarkdown(report())
    const tableRow = md.split('\n').find((l) => l.includes('msg.create.status-201') && l.startsWith('| '))!
    expect(tableRow).not.toContain('<script>')
    expect(tableRow).toContain('&lt;script&gt;')
    // Outside code fences no raw tag from the server survives.
    const outsideFences = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '')
    expect(outsideFences).not.toMatch(/<script|<img/)
  })

  test('stays short for a PR comment however much fails', () => {
    const many = Array.from({ length: 80 }, (_, i) => req(`msg.create.case-${i}`))
    const checks = many.map((r) => check(r.id, 'failed', { message: 'x'.repeat(300), evidence: [evidence('y'.repeat(2000)), evidence('z'.repeat(2000))] }))
    const md = renderMarkdown(report({ requirements: many, checks }))
    expect(md.length).toBeLessThan(MARKDOWN_BUDGET + 40_000)
    expect(md.length).toBeLessThan(65_536)
    expect(md).toMatch(/Evidence of \d+ more requirements left out/)
  })
})

describe('one exit status everywhere, interrupts included', () => {
  // A run stopped by SIGINT after two checks: the rest were never run.
  const stopped = (signal: 'SIGINT' | 'SIGTERM') => report({ checks: [check('msg.create.status-201', 'passed'), check('msg.create.body-round-trip', 'passed')], interrupted: signal })

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: the gate, the JSON, the HTML header, the Markdown and the JUnit properties all say exit %i and INCOMPLETE', (signal, code) => {
    const r = stopped(signal)
    expect(r.verdict).toBe('INCOMPLETE')
    expect(r.gate).toMatchObject({ passed: false, exitCode: code })
    expect(validateById(RUN_REPORT, JSON.parse(JSON.stringify(r)))).toEqual([])
    expect(renderHtml(r)).toContain(`<dd>FAILED (exit status ${code})</dd>`)
    expect(renderMarkdown(r)).toContain(`gate FAILED \\(exit ${code}, level must\\)`)
    expect(renderJunit(r)).toContain(`<property name="gate" value="failed (exit ${code})"/>`)
  })

  test('the JUnit file of an interrupted run fails in CI: an <error> names the interrupt and the requirements not judged', () => {
    const junit = parseJunit(renderJunit(stopped('SIGINT')))
    expect(junit.counts.errors).toBeGreaterThanOrEqual(1)
    const run = junit.cases.find((c) => c.name === 'interrupted')!
    expect(run).toMatchObject({ outcome: 'error' })
    expect(run.message).toBe('the run was interrupted by SIGINT (exit 130); 2 gated requirements were not judged')
    expect(run.body).toContain('msg.list.order-property: not run')
  })

  test('a run that could not judge a gated requirement (exit 2) has an <error> too; a complete run has none of its own', () => {
    const incomplete = report({ checks: onlyShouldFails().filter((c) => c.requirement !== 'msg.delete.status-204-empty') })
    expect(incomplete.gate.exitCode).toBe(2)
    const junit = parseJunit(renderJunit(incomplete))
    expect(junit.cases.find((c) => c.name === 'not judged')).toMatchObject({ outcome: 'error', message: '1 gated requirement could not be judged (exit 2)' })
    expect(parseJunit(renderJunit(report({ checks: onlyShouldFails() }))).cases.filter((c) => c.classname === 'conformance.run')).toEqual([])
  })
})

describe('lines that say only what happened', () => {
  test('settling: reads that never agreed are not "0 reads waited"', () => {
    const base = { settleMs: 5000, checks: 1, reads: 3, polls: 9, longestMs: 10_000 }
    expect(settleLine({ settle: { ...base, delayed: 0, unsettled: 1, waitedMs: 10_000 } })).toBe('settling: 1 read never agreed within 5.0 s (judged on the last answer); 10.0 s waited in all, longest 10.0 s')
    expect(settleLine({ settle: { ...base, delayed: 2, unsettled: 0, waitedMs: 1500 } })).toBe('settling: 2 reads waited for a write to show; 1.5 s waited in all, longest 10.0 s')
    expect(settleLine({ settle: { ...base, delayed: 0, unsettled: 0, waitedMs: 0 } })).toBeUndefined()
  })

  test('counts in the right number: 1 known failure, 1 unexpected pass, 1 requirement', () => {
    expect([plural(1, 'known failure'), plural(2, 'known failure'), plural(1, 'unexpected pass', 'unexpected passes'), plural(3, 'unexpected pass', 'unexpected passes')]).toEqual([
      '1 known failure',
      '2 known failures',
      '1 unexpected pass',
      '3 unexpected passes',
    ])
  })

  test('the HTML wraps a long token where nothing else fits, and never breaks words in the middle', () => {
    const html = renderHtml(report())
    expect(html).not.toContain('break-all')
    expect(html).toContain('.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }')
  })
})
