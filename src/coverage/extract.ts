/**
 * The vendored extract of Twilio's OpenAPI file: only what the ten message operations need, in the same shape as the
 * full file, so every JSON pointer into the extract is also a pointer into the full file (the coverage table cites
 * them as such). `npx tsx src/coverage/extract.ts [FULL_FILE]` rewrites fixtures/openapi/ from the full file (default
 * ../shared/reference/twilio_conversations_v1.json); test/coverage.test.ts re-extracts and compares whenever the full
 * file sits beside the clone, so the extract cannot drift from its source unnoticed.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { child, decodePointer, valueAt } from './pointer.ts'

export const EXTRACT_FILE = fileURLToPath(new URL('../../fixtures/openapi/twilio_conversations_v1.messages.json', import.meta.url))
export const MANIFEST_FILE = fileURLToPath(new URL('../../fixtures/openapi/source.json', import.meta.url))
/** Where the full file sits in CI and on the machines this suite is built on (../shared beside the clone). */
export const FULL_FILE = fileURLToPath(new URL('../../../shared/reference/twilio_conversations_v1.json', import.meta.url))

/** Where the full file came from (../shared/reference/README.md). Change these when the full file is replaced. */
export const PROVENANCE = {
  repository: 'https://github.com/twilio/twilio-oai',
  commit: 'd50069b44ea8cd23141385bdb6db48f16ff75bb5',
  file: 'spec/json/twilio_conversations_v1.json',
  license: 'MIT (the repository LICENSE, "Copyright (C) 2023, Twilio, Inc."; the spec\'s own info.license says Apache 2.0)',
} as const

/** The four message paths: list/create and fetch/update/delete, in the default and the service scope. */
export const MESSAGE_PATH = /^\/v1\/(Services\/\{ChatServiceSid\}\/)?Conversations\/\{ConversationSid\}\/Messages(\/\{Sid\})?$/

export interface Extraction {
  extract: unknown
  manifest: {
    description: string
    source: typeof PROVENANCE & { sha256: string; bytes: number }
    pointers: string[]
  }
}

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex')

/**
 * The pointers to keep: the four path items whole, every `$ref` they reach (transitively), the security schemes
 * the operations name, and the document-level facts (OpenAPI version, info, global security).
 */
export function pointersToExtract(full: unknown): string[] {
  const paths = Object.keys((valueAt(full, '/paths') ?? {}) as object).filter((p) => MESSAGE_PATH.test(p))
  if (paths.length !== 4) throw new Error(`expected the 4 message paths in the OpenAPI file, found ${paths.length}: ${paths.join(', ')}`)
  const keep = new Set<string>(['/openapi', '/info', '/security'])
  const queue = paths.map((p) => child('/paths', p))
  while (queue.length > 0) {
    const pointer = queue.shift()!
    if (keep.has(pointer)) continue
    keep.add(pointer)
    for (const ref of refsIn(valueAt(full, pointer))) {
      if (!ref.startsWith('#/')) throw new Error(`a $ref outside the file: ${ref}`)
      queue.push(ref.slice(1))
    }
  }
  for (const requirement of [valueAt(full, '/security'), ...paths.flatMap((p) => Object.values(valueAt(full, child('/paths', p)) as object).map((op) => (op as { security?: unknown })?.security))]) {
    for (const scheme of Array.isArray(requirement) ? requirement.flatMap((r) => Object.keys(r as object)) : []) keep.add(child('/components/securitySchemes', scheme))
  }
  return [...keep]
}

function refsIn(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return []
  if (Array.isArray(node)) return node.flatMap(refsIn)
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)))
}

/** A copy of `doc` holding only the subtrees at `pointers`, keys in the source's order. */
export function pick(doc: unknown, pointers: readonly string[], at = ''): unknown {
  if (pointers.includes(at)) return structuredClone(doc)
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`cannot pick inside ${at || '/'}`)
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    const below = child(at, key)
    if (pointers.some((p) => p === below || p.startsWith(below + '/'))) out[key] = pick(value, pointers, below)
  }
  return out
}

export function extractFrom(fullText: string): Extraction {
  const full = JSON.parse(fullText) as unknown
  const pointers = pointersToExtract(full)
  const ordered = [...pointers].sort((a, b) => decodePointer(a).join('\u0000').localeCompare(decodePointer(b).join('\u0000')))
  return {
    extract: pick(full, pointers),
    manifest: {
      description:
        'Provenance of twilio_conversations_v1.messages.json: an extract of the OpenAPI file below, made by src/coverage/extract.ts. It keeps the subtrees at `pointers` unchanged and in place, so a JSON pointer into the extract is a pointer into the full file.',
      source: { ...PROVENANCE, sha256: sha256(fullText), bytes: Buffer.byteLength(fullText) },
      pointers: ordered,
    },
  }
}

export const asFileText = (value: unknown): string => JSON.stringify(value, null, 2) + '\n'

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const from = process.argv[2] ?? FULL_FILE
  const { extract, manifest } = extractFrom(readFileSync(from, 'utf8'))
  writeFileSync(EXTRACT_FILE, asFileText(extract))
  writeFileSync(MANIFEST_FILE, asFileText(manifest))
  process.stdout.write(`wrote ${EXTRACT_FILE} (${manifest.pointers.length} subtrees of ${from}, sha256 ${manifest.source.sha256})\n`)
}
