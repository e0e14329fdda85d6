import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import type { RunDiff } from '../src/report/diff.ts'
import { runCli } from './support/cli.ts'
import { makeDiffReports } from './support/diff-reports.ts'

// `conformance diff` on reports of the reference server: the same server with other allowed readings switched on
// is news (exit 0), the same server with a fault is a regression (exit 1).

const dir = mkdtempSync(join(tmpdir(), 'conformance-diff-'))
let reports: Awaited<ReturnType<typeof makeDiffReports>>
beforeAll(async () => {
  reports = await makeDiffReports(dir)
}, 240_000)

describe('conformance diff', () => {
  test('another allowed reading: names the changed reading, the new unknown property and the changed error code; exit 0', async () => {
    const md = join(dir, 'variant.md')
    const json = join(dir, 'variant-diff.json')
    const run = await runCli(['diff', reports.clean, reports.variant, '--report', `markdown:${md}`, '--report', `json:${json}`])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain('msg.list.page-size-out-of-range  page-size-101: refused with 400 → clamped to 100')
    expect(run.stdout).toMatch(/^new properties \(the schemas do not know them\):\n(?: {2}.*\n)* {2}message \/x_conformance_extra$/m)
    expect(run.stdout).toContain('msg.create.body-over-limit: −create 400 20001, +create 400 50504')
    expect(run.stdout).toMatch(/^latency p50 \/ p95:\n {2}create +\d+ \/ \d+ → \d+ \/ \d+ ms \([+-]?\d+ \/ [+-]?\d+\)$/m)
    expect(run.stdout).not.toContain('status changed:')
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^diff: no must regressed, 0 statuses changed, \d+ readings changed/)
    const diff = JSON.parse(readFileSync(json, 'utf8')) as RunDiff
    expect(diff).toMatchObject({ format: 'conversations-message-conformance-diff', changed: true, exitCode: 0, regressions: [] })
    expect(diff.readings).toContainEqual({ id: 'msg.list.page-size-out-of-range', name: 'page-size-101', before: 'refused with 400', after: 'clamped to 100' })
    expect(diff.properties.new).toContain('message /x_conformance_extra')
    expect(diff.properties.gone).toEqual([])
    expect(diff.responses).toContainEqual({ id: 'msg.create.body-over-limit', added: ['create 400 50504'], removed: ['create 400 20001'] })
    expect(Object.keys(diff.latency.map((l) => l.operation))).not.toHaveLength(0)
    const markdown = readFileSync(md, 'utf8')
    expect(markdown).toContain('| `msg.list.page-size-out-of-range` | page-size-101 | refused with 400 | clamped to 100 |')
    expect(markdown).toContain('| `message /x_conformance_extra` | new: the schemas do not know it |')
    expect(markdown).toContain('| `msg.create.body-over-limit` | create 400 20001 | create 400 50504 |')
  })

  test('a fault: names the must that regressed and the status it answered instead; exit 1', async () => {
    const run = await runCli(['diff', reports.clean, reports.fault])
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toMatch(/^ {2}✗ must +msg\.create\.status-201: passed → failed {2}\(regression\)$/m)
    expect(run.stdout).toContain('msg.create.status-201: −create 201, +create 200')
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^diff: 1 must regressed, 1 status changed/)
    // The other way round the must is mended, not regressed: news, exit 0.
    expect((await runCli(['diff', reports.fault, reports.clean, '--quiet'])).code).toBe(0)
  })

  test('a report of format 1.0 (before readings, properties, codes and latency): compares the statuses and says what it could not', async () => {
    const old = JSON.parse(readFileSync(reports.clean, 'utf8')) as Record<string, unknown> & { results: Array<Record<string, unknown>> }
    for (const key of ['formatMinor', 'properties', 'latency']) delete old[key]
    for (const r of old.results) for (const key of ['readings', 'responses']) delete r[key]
    const file = join(dir, 'format-1.0.json')
    writeFileSync(file, JSON.stringify(old))
    const run = await runCli(['diff', file, reports.fault])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`note: ${file} is run report format 1.0: it carries no readings, responses, properties or latency, so those are not compared`)
    expect(run.stdout).toContain('msg.create.status-201: passed → failed')
    expect(run.stdout).not.toContain('reading changed:')
  })

  test('a file that is not a run report, or a format diff does not write: one line, exit 2', async () => {
    const notReport = join(dir, 'not-a-report.json')
    writeFileSync(notReport, '{"hello": 1}')
    const bad = await runCli(['diff', reports.clean, notReport])
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/^conformance: diff: .*not-a-report\.json is not a run report/)
    const format = await runCli(['diff', reports.clean, reports.variant, '--report', `html:${join(dir, 'x.html')}`])
    expect(format.code).toBe(2)
    expect(format.stderr).toBe('conformance: diff: --report format "html" is not one diff writes; use one of: markdown, json\n')
  })
})
