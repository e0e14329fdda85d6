import { readFileSync } from 'node:fs'
import { findRequirement } from '../catalogue/requirements.ts'
import { validateById } from '../schemas/validate.ts'

/**
 * Known failures of one target (`--expect FILE`, schema `schemas/expectations.json`). Per-target knowledge lives
 * only here, never in the checks: a known failure is reported but does not fail the run, a pass despite an entry
 * is flagged (the entry can go), and an entry past its expiry date fails the run.
 */
export interface KnownFailure {
  /** A requirement ID from the catalogue. */
  id: string
  reason: string
  /** YYYY-MM-DD (UTC), inclusive. */
  expires: string
}

export interface Expectations {
  /** The file as the user named it. */
  file: string
  /** Free text: which target the entries are about. */
  target: string
  known: KnownFailure[]
}

const SCHEMA_ID = 'urn:conversations-conformance:schema:expectations'

/** Reads and validates an expectations file. Throws an Error whose message is one line naming the file and the problem. */
export function loadExpectations(file: string): Expectations {
  const fail = (problem: string): never => {
    throw new Error(`--expect ${file}: ${problem}`)
  }
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    fail(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (err as Error).message})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    fail(`not valid JSON: ${(err as Error).message}`)
  }
  return parseExpectations(data, file)
}

/** Validates already-parsed data (schema, then catalogue IDs and duplicates). */
export function parseExpectations(data: unknown, file: string): Expectations {
  const fail = (problem: string): never => {
    throw new Error(`--expect ${file}: ${problem}`)
  }
  const issues = validateById(SCHEMA_ID, data)
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
    fail(`${issues[0]!.message}${more}; see schemas/expectations.json`)
  }
  const { target, known } = data as { target: string; known: KnownFailure[] }
  const seen = new Set<string>()
  for (const [i, k] of known.entries()) {
    if (!findRequirement(k.id)) fail(`/known/${i}/id "${k.id}" is not a requirement in the catalogue (list them with --list)`)
    if (seen.has(k.id)) fail(`/known/${i}/id "${k.id}" is listed twice`)
    seen.add(k.id)
  }
  return { file, target, known: known.map((k) => ({ id: k.id, reason: k.reason, expires: k.expires })) }
}

/** An entry is in force up to and including its expiry day (UTC) of `now`. */
export function isExpired(entry: KnownFailure, now: Date): boolean {
  return now.toISOString().slice(0, 10) > entry.expires
}
