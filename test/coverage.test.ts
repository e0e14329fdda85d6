/**
 * Self-tests of the spec-coverage model (src/coverage/, `npm run coverage`):
 * - docs/coverage.md is generated from the current model and map
 * - the map does not drift from the catalogue or the model (every name in it exists, every requirement is mapped)
 * - the model is plausible for the spec: ten operations, the fields, properties and parameters the spec has
 * - every phrase a constraint quotes is still in the doc page (where ../shared is present) and at its OpenAPI pointer
 * - no constraint is left with neither a requirement nor a waiver, except the known gaps, and that list only shrinks
 * - the vendored OpenAPI extract is what src/coverage/extract.ts makes from the full file (where ../shared is present)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { buildConstraints } from '../src/coverage/constraints.ts'
import { coverageRows, CURRENT_MAP, gapDrift, mapProblems } from '../src/coverage/coverage.ts'
import { docQuoteProblems, docSources, pointerQuoteProblems, readDocPage, sectionOf } from '../src/coverage/doc-page.ts'
import { asFileText, EXTRACT_FILE, extractFrom, FULL_FILE, MANIFEST_FILE, sha256 } from '../src/coverage/extract.ts'
import { COVERAGE_DOC } from '../src/coverage/main.ts'
import { KNOWN_GAPS } from '../src/coverage/map.ts'
import { valueAt } from '../src/coverage/pointer.ts'
import { renderCoverageMarkdown } from '../src/coverage/render.ts'
import { loadSpec } from '../src/coverage/spec.ts'

const spec = loadSpec()
const constraints = buildConstraints(spec)
const byId = new Map(constraints.map((c) => [c.id, c]))
const requirementIds = REQUIREMENTS.map((r) => r.id)
const docPage = readDocPage()
const haveFullFile = existsSync(FULL_FILE)

const op = (operationId: string) => spec.operations.find((o) => o.operationId === operationId)!
const params = (operationId: string, where: string) => op(operationId).parameters.filter((p) => p.in === where).map((p) => p.name)
const ids = (prefix: string) => constraints.filter((c) => c.id.startsWith(prefix)).map((c) => c.id)

describe('docs/coverage.md', () => {
  test('is generated from the current model and map (run npm run coverage)', () => {
    expect(readFileSync(COVERAGE_DOC, 'utf8')).toBe(renderCoverageMarkdown(coverageRows(constraints)))
  })

  test('opens with the summary line: found, covered, waived, uncovered', () => {
    const rows = coverageRows(constraints)
    const n = (s: string) => rows.filter((r) => r.status === s).length
    expect(readFileSync(COVERAGE_DOC, 'utf8')).toContain(`**${constraints.length} constraints found: ${n('covered')} covered, ${n('waived')} waived, ${n('uncovered')} uncovered**`)
  })
})

describe('the map follows the catalogue and the model', () => {
  test('every requirement it names is in the catalogue, every catalogue requirement has its line, every pattern, waiver and gap names constraints', () => {
    expect(mapProblems(constraints, requirementIds)).toEqual([])
  })

  test('a requirement that is not in the catalogue, a constraint that is not in the model, an unmapped requirement: each is caught', () => {
    const { 'msg.create.status-201': _mapped, ...rest } = CURRENT_MAP.exercises
    const broken = { ...CURRENT_MAP, exercises: { ...rest, 'msg.create.no-such-thing': ['create.response.201.status'], 'msg.create.author': ['create.form.Author.vaild'] } }
    const problems = mapProblems(constraints, requirementIds, broken)
    expect(problems).toContain('EXERCISES names msg.create.no-such-thing, which is not in the catalogue')
    expect(problems).toContain('msg.create.author: create.form.Author.vaild matches no constraint of the model')
    expect(problems).toContain('msg.create.status-201: in the catalogue but not mapped (add its line to EXERCISES in src/coverage/map.ts)')
  })

  test('a waiver on a constraint a requirement exercises is caught (waive only what the suite does not judge)', () => {
    const problems = mapProblems(constraints, requirementIds, { ...CURRENT_MAP, waivers: { ...CURRENT_MAP.waivers, 'create.response.201.status': 'a reason long enough to pass the length rule' } })
    expect(problems).toContain('create.response.201.status: exercised by msg.create.status-201 and waived: drop the waiver')
  })

  test('each row says what its checks accept: "read as not given or refused" where a check accepts both, never only the rule\'s "refused"', () => {
    const rows = coverageRows(constraints)
    const row = (id: string) => rows.find((r) => r.constraint.id === id)!
    expect(row('create.form.Attributes.empty').constraint.rule).toContain('is refused')
    expect(row('create.form.Attributes.empty').accepts).toMatch(/^read as not given .* or refused/)
    expect(row('list.query.PageSize.maximum.over').accepts).toContain('honoured as asked')
    expect(row('create.response.201.status').accepts).toBeUndefined() // judged as its rule says
    const doc = readFileSync(COVERAGE_DOC, 'utf8')
    expect(doc).toContain('| constraint | scopes | rule | source | exercised by | the checks accept |')
    expect(doc).toMatch(/`create\.form\.Attributes\.empty` \|.*\| read as not given/)
  })

  test('an ACCEPTS pattern that no covered constraint matches is caught', () => {
    const problems = mapProblems(constraints, requirementIds, { ...CURRENT_MAP, accepts: { ...CURRENT_MAP.accepts, 'create.form.Nothing.*': 'anything at all' } })
    expect(problems).toContain('ACCEPTS: create.form.Nothing.* matches no covered constraint of the model')
  })
})

describe('the model is plausible for the spec', () => {
  test('ten operations: the five message operations in each scope', () => {
    expect(spec.operations.map((o) => o.operationId).sort()).toEqual(
      ['Create', 'List', 'Fetch', 'Update', 'Delete'].flatMap((verb) => [`${verb}ConversationMessage`, `${verb}ServiceConversationMessage`]).sort(),
    )
  })

  test('the parameters the spec has: nine create fields, six update fields, four list query parameters, the header on the writes', () => {
    for (const scope of ['', 'Service']) {
      expect(params(`Create${scope}ConversationMessage`, 'form')).toEqual(['Author', 'Body', 'DateCreated', 'DateUpdated', 'Attributes', 'MediaSid', 'ContentSid', 'ContentVariables', 'Subject'])
      expect(params(`Update${scope}ConversationMessage`, 'form')).toEqual(['Author', 'Body', 'DateCreated', 'DateUpdated', 'Attributes', 'Subject'])
      expect(params(`List${scope}ConversationMessage`, 'query')).toEqual(['Order', 'PageSize', 'Page', 'PageToken'])
      for (const verb of ['Create', 'Update', 'Delete']) expect(params(`${verb}${scope}ConversationMessage`, 'header')).toEqual(['X-Twilio-Webhook-Enabled'])
      for (const verb of ['List', 'Fetch']) expect(params(`${verb}${scope}ConversationMessage`, 'header')).toEqual([])
    }
    expect(params('FetchConversationMessage', 'path')).toEqual(['ConversationSid', 'Sid'])
    expect(params('FetchServiceConversationMessage', 'path')).toEqual(['ChatServiceSid', 'ConversationSid', 'Sid'])
  })

  test('the message schema has 15 properties, the service one 16 (chat_service_sid); a page has meta (7) and messages', () => {
    const body = (operationId: string) => op(operationId).responses[0]!.properties.map((p) => p.path)
    expect(body('FetchConversationMessage')).toHaveLength(15)
    expect(body('FetchServiceConversationMessage')).toHaveLength(16)
    expect(body('FetchServiceConversationMessage').filter((p) => !body('FetchConversationMessage').includes(p))).toEqual(['chat_service_sid'])
    expect(body('ListConversationMessage').filter((p) => p.startsWith('meta.'))).toHaveLength(7)
    expect(body('ListConversationMessage').filter((p) => p.startsWith('messages[].'))).toHaveLength(15)
    // A property constraint per property of each operation that returns it: create, fetch, update (16 each), list (2 + 7 + 16).
    expect(constraints.filter((c) => c.kind === 'property')).toHaveLength(3 * 16 + 2 + 7 + 16)
  })

  test('each response: five statuses (201, 200, 200, 200, 204), JSON or no body, the CORS headers of the 2xx with a body', () => {
    expect(ids('').filter((id) => id.endsWith('.status'))).toEqual(['create.response.201.status', 'list.response.200.status', 'fetch.response.200.status', 'update.response.200.status', 'delete.response.204.status'])
    expect(byId.get('delete.response.204.empty')).toBeDefined()
    expect(constraints.filter((c) => c.kind === 'response-header')).toHaveLength(4 * 5)
  })

  test('the bounds the doc gives in words are read from the words: Body 1,600, Subject 256, JSON strings, defaults', () => {
    expect(byId.get('create.form.Body.maxLength.over')!.rule).toContain('1,601 characters')
    expect(byId.get('update.form.Subject.maxLength.over')!.rule).toContain('257 characters')
    expect(byId.get('create.form.Author.omitted')!.rule).toContain('`system`')
    expect(byId.get('create.form.Attributes.omitted')!.rule).toContain('`{}`')
    expect(byId.get('list.query.Order.omitted')!.rule).toContain('`asc`')
    expect(byId.get('list.query.PageSize.omitted')!.rule).toContain('`50`')
    expect(ids('create.form.').filter((id) => id.endsWith('.json.malformed'))).toEqual(['create.form.Attributes.json.malformed', 'create.form.ContentVariables.json.malformed'])
    expect(ids('list.query.PageToken.')).toContain('list.query.PageToken.not-issued')
    expect(ids('list.query.Order.')).toContain('list.query.Order.enum.case-insensitive')
  })

  test('the schema bounds give both sides: PageSize 1 and 100 at and outside, SIDs by pattern and length', () => {
    expect(ids('list.query.PageSize.')).toEqual(expect.arrayContaining(['list.query.PageSize.minimum.at', 'list.query.PageSize.minimum.under', 'list.query.PageSize.maximum.at', 'list.query.PageSize.maximum.over', 'list.query.PageSize.type.wrong']))
    for (const prefix of ['fetch.path.Sid.', 'create.form.MediaSid.', 'create.form.ContentSid.', 'delete.path.ChatServiceSid.']) {
      expect(ids(prefix)).toEqual(expect.arrayContaining([`${prefix}pattern.miss`, `${prefix}minLength.under`, `${prefix}maxLength.over`]))
    }
  })

  test('security: both halves of the credentials, and none, on every operation', () => {
    for (const kind of ['create', 'list', 'fetch', 'update', 'delete']) {
      expect(ids(`${kind}.security.`).sort()).toEqual([`${kind}.security.credentials.none`, `${kind}.security.credentials.valid`, `${kind}.security.password.wrong`, `${kind}.security.username.wrong`])
    }
  })

  test('relations: derivations, re-stated after create and after update, and what update may not change', () => {
    for (const id of ['relation.participant_sid.from-author.after-create', 'relation.participant_sid.from-author.after-update', 'relation.participant_sid.null-for-system.after-create', 'relation.participant_sid.null-for-system.after-update', 'relation.url.self', 'relation.links.delivery_receipts.from-url', 'relation.links.channel_metadata.from-url', 'relation.conversation_sid.from-path', 'relation.chat_service_sid.from-path', 'relation.account_sid.from-credentials', 'relation.index.order-of-receipt', 'relation.ContentSid.ignores.Body', 'relation.ContentSid.ignores.MediaSid', 'relation.delete.gone-from-fetch', 'relation.delete.gone-from-list']) {
      expect(byId.get(id), id).toBeDefined()
    }
    // Update sets body, author, attributes and the dates (Subject has no property); participant_sid follows Author; delivery is the server's.
    expect(ids('relation.update.keeps.').sort()).toEqual(['account_sid', 'chat_service_sid', 'content_sid', 'conversation_sid', 'index', 'links', 'media', 'sid', 'url'].map((p) => `relation.update.keeps.${p}`))
    expect(byId.get('relation.chat_service_sid.from-path')!.scopes).toEqual(['service'])
  })

  test('a constraint stated alike in both scopes is one constraint of both operations; every one cites a source', () => {
    expect(byId.get('create.form.Body.maxLength.over')!.operations).toEqual(['CreateConversationMessage', 'CreateServiceConversationMessage'])
    expect(constraints.filter((c) => c.sources.length === 0)).toEqual([])
    expect(new Set(constraints.map((c) => c.id)).size).toBe(constraints.length)
    expect(constraints.length).toBeGreaterThan(250)
    expect(constraints.length).toBeLessThan(400)
  })
})

describe('quotes', () => {
  test('every quote is the words at the OpenAPI pointer it cites, and every pointer resolves in the extract', () => {
    expect(pointerQuoteProblems(constraints, spec.doc)).toEqual([])
  })

  test('the doc-derived constraints carry the doc phrase they rest on', () => {
    const quoted = (id: string) => docSources(constraints).filter((d) => d.id === id).map((d) => d.source.quote)
    expect(quoted('create.form.Body.maxLength.over')).toEqual(['The content of the message, can be up to 1,600 characters long.'])
    expect(quoted('relation.participant_sid.null-for-system.after-create')).toEqual(['Null in case of `system` sent message.'])
    expect(docSources(constraints).length).toBeGreaterThan(30)
  })

  test.skipIf(docPage === undefined)('every doc phrase a constraint quotes is still in its section of the doc page (../shared/seed)', () => {
    expect(docQuoteProblems(constraints, docPage!)).toEqual([])
  })

  test.skipIf(docPage === undefined)('a phrase the doc no longer has is caught', () => {
    const edited = docPage!.replaceAll('can be up to 1,600 characters long', 'can be up to 1,500 characters long')
    expect(docQuoteProblems(constraints, edited)).toContain('create.form.Body.maxLength.over: "The content of the message, can be up to 1,600 characters long." is no longer in the doc page\'s section "Create a ConversationMessage resource"')
    // Sections end at the next heading of their level, not at a shell comment inside a code sample.
    expect(sectionOf(docPage!, 'Message Properties')).toContain('participant_sid')
    expect(sectionOf(docPage!, 'Message Properties')).not.toContain('Create a Conversation Message')
  })
})

describe('uncovered constraints', () => {
  const rows = coverageRows(constraints)
  const drift = gapDrift(rows)

  test('every constraint has a requirement or a waiver, except the known gaps (KNOWN_GAPS in src/coverage/map.ts)', () => {
    expect(drift.unlisted, 'constraints with neither a requirement nor a waiver: add a requirement that exercises them, or a waiver with its reason').toEqual([])
  })

  test('a known gap that is closed leaves the list (the list only shrinks)', () => {
    expect(drift.closedButListed, 'these are covered or waived now: remove them from KNOWN_GAPS').toEqual([])
  })

  test('the check sees a new gap and a closed one', () => {
    const { 'msg.create.subject-over-limit': _dropped, ...rest } = CURRENT_MAP.exercises
    const opened = gapDrift(coverageRows(constraints, { ...CURRENT_MAP, exercises: rest }))
    expect(opened.unlisted).toEqual(['create.form.Subject.maxLength.over'])
    // A gap listed for a constraint a check covers (a synthetic list: KNOWN_GAPS itself may be empty).
    const listed = { 'list.query.Page.minimum.at': { expected: 'msg.list.page-zero', status: 'proposed' as const } }
    const closed = gapDrift(coverageRows(constraints, { ...CURRENT_MAP, gaps: listed }), listed)
    expect(closed.closedButListed).toEqual(['list.query.Page.minimum.at'])
  })

  test('every known gap names the requirement expected to close it', () => {
    expect(Object.entries(KNOWN_GAPS).filter(([, g]) => g.expected.trim() === '')).toEqual([])
  })
})

describe('the vendored OpenAPI extract (fixtures/openapi/)', () => {
  const extract = JSON.parse(readFileSync(EXTRACT_FILE, 'utf8')) as unknown
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { source: { sha256: string }; pointers: string[] }

  test('is self-contained: every pointer it keeps and every $ref in it resolves inside it', () => {
    for (const p of manifest.pointers) expect(valueAt(extract, p), p).toBeDefined()
    const refs = JSON.stringify(extract).match(/"\$ref":"#[^"]*"/g) ?? []
    for (const ref of refs) expect(valueAt(extract, ref.slice(9, -1)), ref).toBeDefined()
  })

  test.skipIf(!haveFullFile)('is what src/coverage/extract.ts makes from the full file, whose sha256 it records (../shared/reference)', () => {
    const full = readFileSync(FULL_FILE, 'utf8')
    expect(sha256(full)).toBe(manifest.source.sha256)
    const again = extractFrom(full)
    expect(readFileSync(EXTRACT_FILE, 'utf8')).toBe(asFileText(again.extract))
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(asFileText(again.manifest))
  })
})

describe('src/coverage imports', () => {
  // The input-class table (src/arbitraries/classes.ts) is data the checks and docs/coverage.md share.
  test('only itself, src/catalogue, the input-class table and node: built-ins (nothing of the CLI or the harness)', () => {
    const dir = fileURLToPath(new URL('../src/coverage/', import.meta.url))
    const outside = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(dir + f, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => `${f} -> ${m[1]}`))
      .filter((edge) => !/ -> (\.\/|\.\.\/catalogue\/|\.\.\/arbitraries\/classes\.ts$|node:)/.test(edge))
    expect(outside).toEqual([])
  })
})
