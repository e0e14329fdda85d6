/**
 * The outcome of `conformance validate`: the exit status, the console lines, the JSON report.
 */
import pc from 'picocolors'
import type { ExchangeVerdict, FileResult } from './judge.ts'

export interface ValidationReport {
  format: 'conversations-message-conformance-validation'
  formatVersion: 1
  /** 0 every judged exchange passed; 1 a must-level finding; 2 only unusable input (or nothing to judge at all). */
  exitCode: 0 | 1 | 2
  summary: { files: number; pass: number; fail: number; warn: number; unusable: number; nothingToJudge: number; exchangesJudged: number; exchangesFailed: number }
  files: FileResult[]
}

export function buildValidationReport(files: FileResult[]): ValidationReport {
  const count = (v: FileResult['verdict']) => files.filter((f) => f.verdict === v).length
  const judged = files.flatMap((f) => f.exchanges).filter((e) => e.verdict !== 'not judged')
  const summary = {
    files: files.length,
    pass: count('pass'),
    fail: count('fail'),
    warn: count('warn'),
    unusable: count('unusable'),
    nothingToJudge: count('nothing to judge'),
    exchangesJudged: judged.length,
    exchangesFailed: judged.filter((e) => e.verdict === 'fail').length,
  }
  const exitCode = summary.fail > 0 ? 1 : summary.unusable > 0 || judged.length === 0 ? 2 : 0
  return { format: 'conversations-message-conformance-validation', formatVersion: 1, exitCode, summary, files }
}

const KIND: Record<string, string> = { cassette: 'cassette', nock: 'nock definitions', har: 'HAR', body: 'bare body', manifest: 'recording manifest' }

export function printValidationReport(report: ValidationReport, out: NodeJS.WritableStream, mode: 'quiet' | 'normal' | 'verbose'): void {
  const w = (s = '') => out.write(`${s}\n`)
  for (const f of report.files) {
    const bad = f.verdict === 'fail' || f.verdict === 'unusable'
    if (mode === 'quiet' && !bad) continue
    const about = describeFile(f)
    w(`${fileMark(f)}  ${f.file}${about ? `  ${pc.dim(about)}` : ''}`)
    if (f.error) w(`      ${pc.yellow(f.error)}`)
    for (const e of f.exchanges) {
      const show = e.verdict === 'fail' || e.verdict === 'warn' || (mode === 'verbose' && (e.verdict === 'pass' || f.kind !== 'body'))
      if (!show || (mode === 'quiet' && e.verdict !== 'fail')) continue
      if (f.kind !== 'body' || e.verdict === 'not judged') w(`    ${exchangeMark(e)} ${exchangeLine(e)}`)
      for (const x of e.findings) {
        const colour = x.level === 'must' ? pc.red : pc.yellow
        w(colour(`        ${x.pointer || '(response)'}  ${x.rule}  ${x.requirement} (${x.level}): ${x.message}`))
        w(pc.dim(`          ${x.ref}`))
      }
    }
  }
  const s = report.summary
  const parts = [`${s.pass} pass`, `${s.fail} fail`, s.warn ? `${s.warn} with warnings` : '', s.unusable ? `${s.unusable} unusable` : '', s.nothingToJudge ? `${s.nothingToJudge} with nothing to judge` : '']
  w()
  w(`${s.files} file${s.files === 1 ? '' : 's'}: ${parts.filter(Boolean).join(', ')}; ${s.exchangesJudged} response${s.exchangesJudged === 1 ? '' : 's'} judged, ${s.exchangesFailed} failing  (exit ${report.exitCode})`)
}

function fileMark(f: FileResult): string {
  switch (f.verdict) {
    case 'pass':
      return pc.green('✓ PASS    ')
    case 'fail':
      return pc.red('✗ FAIL    ')
    case 'warn':
      return pc.yellow('✓ WARN    ')
    case 'unusable':
      return pc.yellow('! UNUSABLE')
    default:
      return pc.dim('- NOTHING ')
  }
}

function describeFile(f: FileResult): string {
  if (f.verdict === 'unusable') return ''
  const kind = KIND[f.kind ?? ''] ?? 'file'
  if (f.kind === 'manifest') return `${kind}: nothing to judge (its cassettes are)`
  if (f.kind === 'body') {
    const e = f.exchanges[0]
    return `${kind}: ${e?.operation ?? '?'} · ${e?.judged.length ?? 0} requirements judged`
  }
  const judged = f.exchanges.filter((e) => e.verdict !== 'not judged')
  const others = f.exchanges.length - judged.length
  const failing = judged.filter((e) => e.verdict === 'fail').length
  return `${kind}: ${judged.length} message exchange${judged.length === 1 ? '' : 's'} judged${failing ? `, ${failing} failing` : ''}${others ? `, ${others} other${others === 1 ? '' : 's'} not judged` : ''}`
}

function exchangeMark(e: ExchangeVerdict): string {
  return e.verdict === 'fail' ? pc.red('✗') : e.verdict === 'warn' ? pc.yellow('✗') : e.verdict === 'pass' ? pc.green('✓') : pc.dim('-')
}

function exchangeLine(e: ExchangeVerdict): string {
  const req = e.method ? `${e.method} ${e.path}` : 'body'
  const status = e.status !== undefined ? ` → ${e.status}` : ''
  const op = e.operation ? ` ${pc.dim(e.operation)}` : ''
  return `${e.label} ${req}${status}${op}${e.note ? pc.dim(` (${e.note})`) : ''}`
}
