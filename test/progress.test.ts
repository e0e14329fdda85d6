import { Writable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { createProgress, progressMode } from '../src/cli/progress.ts'
import type { CheckResult } from '../src/run/results.ts'

function sink(tty = false): Writable & { text: string; isTTY?: boolean } {
  const s = new Writable({
    write(chunk, _enc, done) {
      // Colours (on when CI is set) are not what these tests are about.
      s.text += String(chunk).replace(/\x1b\[[0-9;]*m/g, '')
      done()
    },
  }) as Writable & { text: string; isTTY?: boolean }
  s.text = ''
  if (tty) s.isTTY = true
  return s
}

const result = (name: string, status: CheckResult['status'], message?: string): CheckResult => ({
  name,
  requirement: name.split(' ')[0]!,
  status,
  ...(message ? { message } : {}),
  observations: [],
  requests: 1,
  durationMs: 1,
})

describe('progress', () => {
  test('a bar on a terminal, plain lines in a pipe or when CI is set', () => {
    expect(progressMode(sink(true), {})).toBe('bar')
    expect(progressMode(sink(true), { CI: 'true' })).toBe('lines')
    expect(progressMode(sink(false), {})).toBe('lines')
  })

  test('lines: each failure as it happens, a count line at most every interval, a last line', () => {
    const out = sink()
    let now = 0
    const p = createProgress({ out, mode: 'lines', lineIntervalMs: 1000, now: () => now })
    p.onPlanned(3)
    p.onResult(result('msg.a.b [default]', 'passed'))
    now = 500
    p.onResult(result('msg.a.c [default]', 'failed', 'expected HTTP 201, got 200\nmore'))
    now = 1500
    p.onResult(result('msg.a.d [default]', 'error', 'could not create a conversation'))
    p.onResult(result('msg.x.y [default]', 'skipped')) // left out by the selection: not counted
    p.finish()
    expect(out.text.split('\n')).toEqual([
      '✗ failed msg.a.c [default]: expected HTTP 201, got 200',
      '! setup error msg.a.d [default]: could not create a conversation',
      'progress: 3/3 checks, 1 failed, 1 setup errors  1.5 s',
      'progress: 3/3 checks, 1 failed, 1 setup errors  1.5 s, done',
      '',
    ])
  })

  test('bar: redrawn in place and cleared at the end', () => {
    const out = sink(true)
    const p = createProgress({ out, mode: 'bar', now: () => 0 })
    p.onPlanned(2)
    p.onResult(result('msg.a.b [default]', 'failed', 'boom'))
    p.finish()
    expect(out.text).toContain('\r\x1b[2K')
    expect(out.text).toContain('✗ failed msg.a.b [default]: boom\n')
    expect(out.text.endsWith('\r\x1b[2K')).toBe(true)
  })

  test('off (--quiet): silent', () => {
    const out = sink()
    const p = createProgress({ out, mode: 'off' })
    p.onPlanned(1)
    p.onResult(result('msg.a.b [default]', 'failed', 'boom'))
    p.finish()
    expect(out.text).toBe('')
  })
})
