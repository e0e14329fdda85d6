/**
 * The doc page the constraints quote (the copy the suite was built from, ../shared/seed beside the clone; it is not
 * vendored: the quotes are its words, and test/coverage.test.ts checks them against it wherever it is present, as
 * CI's clean clone has it). Quotes are compared after the same normalisation on both sides: the JSON blocks the page
 * prints escape their quotes, and its links are relative where the OpenAPI's are absolute, so link targets go.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { valueAt } from './pointer.ts'
import type { Constraint, Source } from './types.ts'

export const DOC_PAGE_FILE = fileURLToPath(new URL('../../../shared/seed/000_6f4d8c3a1a3555ab.txt', import.meta.url))

export function readDocPage(file = DOC_PAGE_FILE): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** JSON-unescaped, link targets dropped (`[Account](/docs/…)` → `[Account]`), whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/\\"/g, '"')
    .replace(/\\n/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The text under a heading, down to the next heading of the same or a higher level. Lines inside code fences are not
 * headings (the page's shell samples start comments with `#`).
 */
export function sectionOf(page: string, title: string): string | undefined {
  const lines = page.split('\n')
  let inFence = false
  let start = -1
  let level = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.startsWith('```')) inFence = !inFence
    if (inFence) continue
    const heading = /^(#{1,6}) (.*)$/.exec(line)
    if (!heading) continue
    if (start >= 0 && heading[1]!.length <= level) return lines.slice(start, i).join('\n')
    if (start < 0 && heading[2]!.trim() === title) {
      start = i + 1
      level = heading[1]!.length
    }
  }
  return start >= 0 ? lines.slice(start).join('\n') : undefined
}

export type QuoteProblem = string

/** Doc quotes that are no longer in their section of the doc page. */
export function docQuoteProblems(constraints: readonly Constraint[], page: string): QuoteProblem[] {
  const problems: QuoteProblem[] = []
  for (const { id, source } of docSources(constraints)) {
    const section = sectionOf(page, source.section)
    if (section === undefined) problems.push(`${id}: the doc page has no section "${source.section}"`)
    else if (!normalise(section).includes(normalise(source.quote))) problems.push(`${id}: "${source.quote}" is no longer in the doc page's section "${source.section}"`)
  }
  return problems
}

/** Quotes that are not (or no longer) the words at the OpenAPI pointer they cite. */
export function pointerQuoteProblems(constraints: readonly Constraint[], openapi: unknown): QuoteProblem[] {
  const problems: QuoteProblem[] = []
  for (const c of constraints) {
    for (const s of c.sources) {
      if (s.kind === 'twilio-page') continue
      if (s.pointer === undefined) continue
      const at = valueAt(openapi, s.pointer)
      if (at === undefined) problems.push(`${c.id}: nothing at ${s.pointer}`)
      else if (s.quote !== undefined && (typeof at !== 'string' || !normalise(at).includes(normalise(s.quote)))) problems.push(`${c.id}: "${s.quote}" is not the text at ${s.pointer}`)
    }
  }
  return problems
}

export function docSources(constraints: readonly Constraint[]): Array<{ id: string; source: Extract<Source, { kind: 'doc' }> }> {
  return constraints.flatMap((c) => c.sources.filter((s): s is Extract<Source, { kind: 'doc' }> => s.kind === 'doc').map((source) => ({ id: c.id, source })))
}
