import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { RunReport } from './run-report.ts'
import { makeFolders } from '../run/folders.ts'

export interface ReportSpec {
  format: ReportFormat
  path: string
}

export const REPORT_FORMATS = ['json', 'junit', 'html', 'markdown'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/**
 * Each format renders the whole run report to text. The renderers load when a report is written: the CLI reads
 * `--report` at its start, when every millisecond is spent before the first check.
 */
async function rendererOf(format: ReportFormat): Promise<(report: RunReport) => string> {
  switch (format) {
    case 'json':
      return (report) => JSON.stringify(report, null, 2) + '\n'
    case 'junit':
      return (await import('./junit.ts')).renderJunit
    case 'html':
      return (await import('./html.ts')).renderHtml
    case 'markdown':
      return (await import('./markdown.ts')).renderMarkdown
  }
}

/** Parses `FORMAT:PATH`; throws an Error whose message is fit for the user. */
export function parseReportSpec(spec: string): ReportSpec {
  const colon = spec.indexOf(':')
  const format = colon > 0 ? spec.slice(0, colon) : ''
  const path = colon > 0 ? spec.slice(colon + 1) : ''
  if (!format || !path) throw new Error(`--report "${spec}" must be FORMAT:PATH, e.g. json:reports/run.json`)
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--report format "${format}" is not known; use one of: ${REPORT_FORMATS.join(', ')}`)
  }
  return { format: format as ReportFormat, path }
}

export interface WrittenReports {
  written: string[]
  /** One line per report that could not be written; the others were written all the same. */
  failed: string[]
}

/**
 * Writes every requested report. A report that cannot be written (its folder became unwritable, the disk is full)
 * is one line in `failed`, never an exception: the other reports are still written.
 */
export async function writeReports(report: RunReport, specs: readonly ReportSpec[]): Promise<WrittenReports> {
  const result: WrittenReports = { written: [], failed: [] }
  for (const spec of specs) {
    const file = resolve(spec.path)
    try {
      makeFolders(dirname(file))
      await writeFile(file, (await rendererOf(spec.format))(report))
      result.written.push(file)
    } catch (err) {
      result.failed.push(`could not write the ${spec.format} report ${spec.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    }
  }
  return result
}
