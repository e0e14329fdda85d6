import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { renderHtml } from './html.ts'
import { renderJunit } from './junit.ts'
import { renderMarkdown } from './markdown.ts'
import type { RunReport } from './run-report.ts'
import { makeFolders } from '../run/folders.ts'

export interface ReportSpec {
  format: ReportFormat
  path: string
}

/** Each format renders the whole run report to text. Later formats plug in here. */
const RENDERERS = {
  json: (report: RunReport) => JSON.stringify(report, null, 2) + '\n',
  junit: renderJunit,
  html: renderHtml,
  markdown: renderMarkdown,
} satisfies Record<string, (report: RunReport) => string>

export type ReportFormat = keyof typeof RENDERERS
export const REPORT_FORMATS = Object.keys(RENDERERS) as ReportFormat[]

/** Parses `FORMAT:PATH`; throws an Error whose message is fit for the user. */
export function parseReportSpec(spec: string): ReportSpec {
  const colon = spec.indexOf(':')
  const format = colon > 0 ? spec.slice(0, colon) : ''
  const path = colon > 0 ? spec.slice(colon + 1) : ''
  if (!format || !path) throw new Error(`--report "${spec}" must be FORMAT:PATH, e.g. json:reports/run.json`)
  if (!(REPORT_FORMATS as string[]).includes(format)) {
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
      await writeFile(file, RENDERERS[spec.format](report))
      result.written.push(file)
    } catch (err) {
      result.failed.push(`could not write the ${spec.format} report ${spec.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    }
  }
  return result
}
