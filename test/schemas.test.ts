/**
 * Self-tests of the JSON Schemas in schemas/ and of src/schemas/validate.ts.
 *
 * - every schema file loads and compiles under strict mode, and has a stable `$id`
 * - the doc page's example bodies (fixtures/doc-examples) validate once normalized, and their raw copies fail
 *   exactly at the placeholder pointers
 * - every twilio-oai example in ../shared/reference/fixtures validates; the older helper-library fixtures fail
 *   only with the recorded drift (twilio-java lacks content_sid; links.channel_metadata, which they also lack, is a
 *   should of its own, not part of the schema)
 * - hand-made broken bodies fail with an issue naming the JSON pointer and the rule
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { schemaIdOf, validateById, validateSchema } from '../src/schemas/validate.ts'
import type { SchemaIssue, SchemaName } from '../src/schemas/validate.ts'

const REPO = new URL('../', import.meta.url)
const SCHEMAS = new URL('schemas/', REPO)
const DOC_EXAMPLES = new URL('fixtures/doc-examples/', REPO)
// ../shared sits beside the clone (here and in CI): /work/main/test/ -> /work/shared/
const SHARED = new URL('../../shared/', import.meta.url)
const REF_FIXTURES = new URL('reference/fixtures/', SHARED)
const OPENAPI = new URL('reference/twilio_conversations_v1.json', SHARED)

const haveRefFixtures = existsSync(fileURLToPath(REF_FIXTURES))
const haveOpenapi = existsSync(fileURLToPath(OPENAPI))

const readText = (url: URL): string => readFileSync(url, 'utf8')
const readJson = (url: URL): unknown => JSON.parse(readText(url))
const clone = <T>(v: T): T => structuredClone(v)

const A32 = 'a'.repeat(32)
const SIDS = {
  AC: `AC${A32}`,
  CH: `CH${A32}`,
  IM: `IM${A32}`,
  IS: `IS${A32}`,
}

/** Sorted, de-duplicated "pointer rule" pairs: the shape most assertions compare. */
function pairs(issues: SchemaIssue[]): string[] {
  return [...new Set(issues.map((i) => `${i.pointer} ${i.rule}`))].sort()
}
function pointers(issues: SchemaIssue[]): string[] {
  return [...new Set(issues.map((i) => i.pointer))].sort()
}

type Json = Record<string, unknown>

/** This file's subjects: the response schemas and their shared definitions (not run-report.json). */
const RESPONSE_SCHEMA_FILES = ['common', 'message', 'service-message', 'message-page', 'service-message-page', 'error', 'conversation']

// ---------------------------------------------------------------------------------------------------------------

describe('schema files', () => {
  const files = readdirSync(fileURLToPath(SCHEMAS)).filter((f) => f.endsWith('.json'))

  it.each(files)('%s has a urn $id, a title and a description, and compiles', (file) => {
    const schema = readJson(new URL(file, SCHEMAS)) as Json
    expect(schema['$id']).toMatch(/^urn:conversations-conformance:schema:[a-z0-9-]+$/)
    expect(typeof schema['title']).toBe('string')
    expect(typeof schema['description']).toBe('string')
    // compiling happens on first use; any value will do
    expect(() => validateById(schema['$id'] as string, {})).not.toThrow()
  })

  const names: SchemaName[] = ['message', 'service-message', 'message-page', 'service-message-page', 'error', 'conversation']
  it.each(names)('schemaIdOf(%s) names a file in schemas/ with that $id', (name) => {
    const schema = readJson(new URL(`${name}.json`, SCHEMAS)) as Json
    expect(schemaIdOf(name)).toBe(`urn:conversations-conformance:schema:${name}`)
    expect(schema['$id']).toBe(schemaIdOf(name))
  })

  it('no response schema forbids unknown properties (additionalProperties: false)', () => {
    for (const file of RESPONSE_SCHEMA_FILES) {
      expect(readText(new URL(`${file}.json`, SCHEMAS)), file).not.toMatch(/"(additional|unevaluated)Properties"\s*:\s*false/)
    }
  })

  it('every name in a `required` list of the response schemas is defined in the sibling `properties` (strictRequired, checked here)', () => {
    const problems: string[] = []
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`))
      if (typeof node !== 'object' || node === null) return
      const obj = node as Json
      if (Array.isArray(obj['required'])) {
        const props = (obj['properties'] ?? {}) as Json
        for (const r of obj['required'] as string[]) if (!(r in props)) problems.push(`${where}: ${r}`)
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${where}/${k}`)
    }
    for (const file of RESPONSE_SCHEMA_FILES) walk(readJson(new URL(`${file}.json`, SCHEMAS)), file)
    expect(problems).toEqual([])
  })

  it('validateById throws for an unknown $id', () => {
    expect(() => validateById('urn:conversations-conformance:schema:nope', {})).toThrow(/no schema with \$id/)
  })
})

// ---------------------------------------------------------------------------------------------------------------

interface DocExample {
  name: string
  schema: SchemaName
  status: number
  seedLines: [number, number]
  substitutions: { pointer: string; from: string; to: string }[]
}
const manifest = readJson(new URL('../doc-examples.manifest.json', DOC_EXAMPLES)) as { seedFile: string; examples: DocExample[] }

function getAt(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc
  for (const tok of pointer.split('/').slice(1)) cur = (cur as Json)[tok.replace(/~1/g, '/').replace(/~0/g, '~')]
  return cur
}
function setAt(doc: unknown, pointer: string, value: unknown): void {
  const toks = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
  const last = toks.pop() as string
  let cur: unknown = doc
  for (const tok of toks) cur = (cur as Json)[tok]
  ;(cur as Json)[last] = value
}

describe('doc-page examples (fixtures/doc-examples)', () => {
  it('the manifest lists every body in the folder, and the five operations with a body', () => {
    const onDisk = readdirSync(fileURLToPath(DOC_EXAMPLES))
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .sort()
    expect(onDisk).toEqual(manifest.examples.map((e) => `${e.name}.json`).sort())
    const raw = readdirSync(fileURLToPath(new URL('raw/', DOC_EXAMPLES))).sort()
    expect(raw).toEqual(onDisk)
    expect(manifest.examples.map((e) => e.name).sort()).toEqual(
      ['create', 'fetch', 'list-read-full', 'list-read-last-message', 'update'].sort(),
    )
  })

  describe.each(manifest.examples)('$name', (ex) => {
    const raw = readJson(new URL(`raw/${ex.name}.json`, DOC_EXAMPLES))
    const normalized = readJson(new URL(`${ex.name}.json`, DOC_EXAMPLES))

    it(`normalized copy validates against ${ex.schema}`, () => {
      expect(validateSchema(ex.schema, normalized)).toEqual([])
    })

    it('normalized = raw with only the listed substitutions applied', () => {
      const expected = clone(raw)
      for (const s of ex.substitutions) {
        expect(getAt(raw, s.pointer)).toBe(s.from)
        setAt(expected, s.pointer, s.to)
      }
      expect(normalized).toEqual(expected)
    })

    it('raw copy fails exactly at the placeholder pointers (pattern among the rules)', () => {
      const issues = validateSchema(ex.schema, raw)
      expect(pointers(issues)).toEqual(ex.substitutions.map((s) => s.pointer).sort())
      for (const s of ex.substitutions) {
        const rules = issues.filter((i) => i.pointer === s.pointer).map((i) => i.rule)
        expect(rules).toContain('pattern')
        expect(rules.every((r) => ['pattern', 'minLength', 'maxLength'].includes(r))).toBe(true)
      }
    })

    const seed = new URL(manifest.seedFile, SHARED)
    it.skipIf(!existsSync(fileURLToPath(seed)))('raw copy is byte-for-byte the block printed on the page', () => {
      const lines = readText(seed).split('\n')
      const [from, to] = ex.seedLines
      expect(lines[from - 2]).toBe('```json')
      expect(lines[to]).toBe('```')
      expect(readText(new URL(`raw/${ex.name}.json`, DOC_EXAMPLES))).toBe(lines.slice(from - 1, to).join('\n') + '\n')
    })
  })
})

// ---------------------------------------------------------------------------------------------------------------

function schemaForFixture(file: string, body: unknown): SchemaName {
  const service = file.includes('__service_conversation__')
  const page = typeof body === 'object' && body !== null && 'meta' in body
  return `${service ? 'service-' : ''}${page ? 'message-page' : 'message'}` as SchemaName
}

/**
 * Recorded drift of the helper-library fixtures from the current doc (they predate it):
 *  - every one has `links` with only `delivery_receipts` (no `channel_metadata`): the property table names only the
 *    receipts, so the schema takes it; msg.representation.links-channel-metadata (a should) reports it;
 *  - twilio-java's (2021-08) also predate `content_sid`, a property of the property table: they rightly fail.
 * Each fixture must fail with exactly these issues, and nothing else, for every message it holds.
 */
function expectedDrift(file: string, body: unknown): string[] {
  const perMessage = file.startsWith('twilio-java__') ? ['/content_sid required'] : []
  const obj = body as Json
  const prefixes = Array.isArray(obj['messages']) ? obj['messages'].map((_, i) => `/messages/${i}`) : ['']
  return prefixes.flatMap((p) => perMessage.map((d) => p + d)).sort()
}

describe.skipIf(!haveRefFixtures)('reference fixtures (../shared/reference/fixtures)', () => {
  const all = haveRefFixtures ? readdirSync(fileURLToPath(REF_FIXTURES)).filter((f) => f.endsWith('.json')).sort() : []
  const oai = all.filter((f) => f.startsWith('twilio-oai__'))
  const helper = all.filter((f) => !f.startsWith('twilio-oai__'))

  it('finds the fixtures', () => {
    expect(oai.length).toBeGreaterThanOrEqual(22)
    expect(helper.length).toBeGreaterThanOrEqual(46)
  })

  it.each(oai)('%s validates', (file) => {
    const body = readJson(new URL(file, REF_FIXTURES))
    expect(validateSchema(schemaForFixture(file, body), body)).toEqual([])
  })

  it.each(helper)('%s shows only the recorded drift', (file) => {
    const body = readJson(new URL(file, REF_FIXTURES))
    expect(pairs(validateSchema(schemaForFixture(file, body), body))).toEqual(expectedDrift(file, body))
  })
})

describe.skipIf(!haveOpenapi)('conversation schema against the OpenAPI Conversation examples', () => {
  const examples: [string, unknown][] = []
  if (haveOpenapi) {
    const spec = readJson(OPENAPI) as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }> }> }>> }
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(op.responses ?? {})) {
          for (const media of Object.values(res.content ?? {})) {
            const ref = JSON.stringify(media.schema ?? null)
            if (!/conversations\.v1\.(conversation|service\.service_conversation)"/.test(ref)) continue
            for (const [exName, ex] of Object.entries(media.examples ?? {})) {
              const v = ex.value as Json
              const items = Array.isArray(v['conversations']) ? (v['conversations'] as unknown[]) : [v]
              items.forEach((item, i) => examples.push([`${method.toUpperCase()} ${path} ${status} ${exName}#${i}`, item]))
            }
          }
        }
      }
    }
  }

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8)
  })

  it.each(examples)('%s validates', (_label, body) => {
    expect(validateSchema('conversation', body)).toEqual([])
  })

  it('rejects a conversation without sid and with a bad state', () => {
    const [, first] = examples[0] as [string, unknown]
    const bad = clone(first) as Json
    delete bad['sid']
    bad['state'] = 'ACTIVE'
    expect(pairs(validateSchema('conversation', bad))).toEqual(['/sid required', '/state enum'])
  })
})

// ---------------------------------------------------------------------------------------------------------------

describe('hand-made broken bodies', () => {
  const message = readJson(new URL('create.json', DOC_EXAMPLES)) as Json
  const page = readJson(new URL('list-read-full.json', DOC_EXAMPLES)) as Json
  const serviceMessage: Json = { ...clone(message), chat_service_sid: SIDS.IS }

  function broken(base: Json, mutate: (m: Json) => void): Json {
    const copy = clone(base)
    mutate(copy)
    return copy
  }

  it('the bases are valid', () => {
    expect(validateSchema('message', message)).toEqual([])
    expect(validateSchema('service-message', serviceMessage)).toEqual([])
    expect(validateSchema('message-page', page)).toEqual([])
  })

  it('bad SID prefix: /sid pattern, with a readable message', () => {
    const issues = validateSchema('message', broken(message, (m) => (m['sid'] = `IX${A32}`)))
    expect(pairs(issues)).toEqual(['/sid pattern'])
    expect(issues[0]?.message).toBe(`/sid must match pattern "^IM[0-9a-fA-F]{32}$" (pattern); got "IX${A32}"`)
  })

  it('upper-case hex is allowed in SIDs (the doc pattern allows both cases)', () => {
    const upper = broken(message, (m) => (m['sid'] = `IM${'A'.repeat(16)}${'a'.repeat(16)}`))
    expect(validateSchema('message', upper)).toEqual([])
  })

  it('33-hex-digit (35-character) SID: /account_sid pattern and maxLength', () => {
    const issues = validateSchema('message', broken(message, (m) => (m['account_sid'] = `AC${'a'.repeat(33)}`)))
    expect(pairs(issues)).toEqual(['/account_sid maxLength', '/account_sid pattern'])
  })

  it('33-character SID: /account_sid pattern and minLength', () => {
    const issues = validateSchema('message', broken(message, (m) => (m['account_sid'] = `AC${'a'.repeat(31)}`)))
    expect(pairs(issues)).toEqual(['/account_sid minLength', '/account_sid pattern'])
  })

  it('date without a time zone: /date_created format', () => {
    const issues = validateSchema('message', broken(message, (m) => (m['date_created'] = '2015-12-16T22:18:37')))
    expect(pairs(issues)).toEqual(['/date_created format'])
    expect(issues[0]?.message).toBe('/date_created must match format "date-time" (format); got "2015-12-16T22:18:37"')
  })

  it('dates with an offset, and null dates, are accepted', () => {
    expect(validateSchema('message', broken(message, (m) => (m['date_created'] = '2015-12-16T22:18:37+01:00')))).toEqual([])
    expect(validateSchema('message', broken(message, (m) => (m['date_updated'] = null)))).toEqual([])
  })

  it('attributes as an object: /attributes type', () => {
    const issues = validateSchema('message', broken(message, (m) => (m['attributes'] = { importance: 'high' })))
    expect(pairs(issues)).toEqual(['/attributes type'])
    expect(issues[0]?.message).toBe('/attributes must be string or null (type); got object {"importance":"high"}')
  })

  it('attributes that are not JSON are still a string: not the schema’s job', () => {
    expect(validateSchema('message', broken(message, (m) => (m['attributes'] = "{ 'importance': 'high' }")))).toEqual([])
  })

  it('meta.key missing: /meta/key required, the pointer naming the missing property', () => {
    const issues = validateSchema('message-page', broken(page, (p) => delete (p['meta'] as Json)['key']))
    expect(issues).toEqual([{ pointer: '/meta/key', rule: 'required', message: '/meta/key is required but missing (required)' }])
  })

  it('meta.key other than "messages": /meta/key const', () => {
    const issues = validateSchema('message-page', broken(page, (p) => ((p['meta'] as Json)['key'] = 'conversations')))
    expect(pairs(issues)).toEqual(['/meta/key const'])
  })

  it('a bad message inside a page is reported at /messages/<i>/…', () => {
    const issues = validateSchema('message-page', broken(page, (p) => (((p['messages'] as Json[])[2] as Json)['sid'] = 'nope')))
    expect(pointers(issues)).toEqual(['/messages/2/sid'])
  })

  it('index as a string: /index type', () => {
    const issues = validateSchema('message', broken(message, (m) => (m['index'] = '0')))
    expect(pairs(issues)).toEqual(['/index type'])
  })

  it('index null: /index type (index is the one non-nullable property)', () => {
    expect(pairs(validateSchema('message', broken(message, (m) => (m['index'] = null))))).toEqual(['/index type'])
  })

  it('every other documented property may be null', () => {
    const nulls = broken(message, (m) => {
      for (const k of Object.keys(m)) if (k !== 'index') m[k] = null
    })
    expect(validateSchema('message', nulls)).toEqual([])
  })

  it('a missing documented property: /<name> required', () => {
    const issues = validateSchema('message', broken(message, (m) => delete m['content_sid']))
    expect(issues).toEqual([{ pointer: '/content_sid', rule: 'required', message: '/content_sid is required but missing (required)' }])
  })

  it('unknown properties are allowed (top level, links, delivery, media items)', () => {
    const extra = broken(message, (m) => {
      m['subject'] = 'hi'
      m['links'] = { ...(m['links'] as Json), something_new: 'https://example.com/x' }
      m['delivery'] = { ...(m['delivery'] as Json), queued: 'none' }
      m['media'] = [{ sid: `ME${A32}`, size: 1, content_type: 'image/png', filename: null, category: 'media' }]
    })
    expect(validateSchema('message', extra)).toEqual([])
  })

  it('media items: sid must be ME…, size a non-negative integer, filename may be absent', () => {
    const ok = broken(message, (m) => (m['media'] = [{ sid: `ME${A32}`, size: 0, content_type: 'image/png' }]))
    expect(validateSchema('message', ok)).toEqual([])
    const bad = broken(message, (m) => (m['media'] = [{ sid: `MM${A32}`, size: -1, content_type: 'image/png', filename: 3 }]))
    expect(pairs(validateSchema('message', bad))).toEqual(['/media/0/filename type', '/media/0/sid pattern', '/media/0/size minimum'])
  })

  it('links without delivery_receipts: /links/delivery_receipts required; without channel_metadata: accepted (only the examples show it)', () => {
    const issues = validateSchema('message', broken(message, (m) => delete (m['links'] as Json)['delivery_receipts']))
    expect(pairs(issues)).toEqual(['/links/delivery_receipts required'])
    expect(validateSchema('message', broken(message, (m) => delete (m['links'] as Json)['channel_metadata']))).toEqual([])
  })

  it('delivery with a numeric status: /delivery/sent type (status strings are not enumerated)', () => {
    expect(pairs(validateSchema('message', broken(message, (m) => ((m['delivery'] as Json)['sent'] = 2))))).toEqual(['/delivery/sent type'])
    expect(validateSchema('message', broken(message, (m) => ((m['delivery'] as Json)['sent'] = 'partially')))).toEqual([])
  })

  it('url that is not a URI: /url format', () => {
    expect(pairs(validateSchema('message', broken(message, (m) => (m['url'] = 'not a url'))))).toEqual(['/url format'])
  })

  it('service message: chat_service_sid is required and must be IS…', () => {
    expect(pairs(validateSchema('service-message', message))).toEqual(['/chat_service_sid required'])
    const bad = { ...serviceMessage, chat_service_sid: SIDS.CH }
    expect(pairs(validateSchema('service-message', bad))).toEqual(['/chat_service_sid pattern'])
  })

  it('service page: every message needs chat_service_sid', () => {
    const issues = validateSchema('service-message-page', page)
    expect(pairs(issues)).toEqual(['/messages/0/chat_service_sid required', '/messages/1/chat_service_sid required', '/messages/2/chat_service_sid required'])
  })

  it('not an object at all: (root) type', () => {
    expect(validateSchema('message', [])).toEqual([{ pointer: '', rule: 'type', message: '(root) must be object (type); got array []' }])
  })
})

// ---------------------------------------------------------------------------------------------------------------

describe('error schema', () => {
  const notFound = {
    code: 20404,
    message: 'The requested resource /Conversations/CH71 was not found',
    more_info: 'https://www.twilio.com/docs/errors/20404',
    status: 404,
  }

  it('accepts the classic Twilio 404 body', () => {
    expect(validateSchema('error', notFound)).toEqual([])
  })

  it('accepts an optional details object and unknown properties', () => {
    expect(validateSchema('error', { ...notFound, details: { field: 'Body' }, extra: true })).toEqual([])
  })

  it('without more_info: /more_info required', () => {
    const { more_info: _dropped, ...body } = notFound
    expect(validateSchema('error', body)).toEqual([
      { pointer: '/more_info', rule: 'required', message: '/more_info is required but missing (required)' },
    ])
  })

  it('code as a string, status out of range, more_info not a URI, details not an object', () => {
    const issues = validateSchema('error', { ...notFound, code: '20404', status: 99, more_info: 'see docs', details: 'x' })
    expect(pairs(issues)).toEqual(['/code type', '/details type', '/more_info format', '/status minimum'])
  })
})
