// conformance validate: recorded responses judged with no target (cassettes, nock files, HAR files, bare bodies).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { validateById } from '../src/schemas/validate.ts'
import { readRecordedFile } from '../src/validate/inputs.ts'
import { judgeFile } from '../src/validate/judge.ts'
import { recogniseRequest, shapeOf } from '../src/validate/operations.ts'
import { STATIC_VALIDATORS } from '../src/validate/rules.ts'
import { ROOT, runCli } from './support/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'conformance-validate-'))
const DOC = join(ROOT, 'fixtures/doc-examples')
const DOC_EXAMPLES = ['create', 'fetch', 'list-read-full', 'list-read-last-message', 'update'].map((n) => join(DOC, `${n}.json`))
const doc = (name: string) => JSON.parse(readFileSync(join(DOC, `${name}.json`), 'utf8')) as Record<string, unknown>
const write = (name: string, value: unknown) => {
  const file = join(tmp, name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  return file
}
const judge = (file: string) => judgeFile(readRecordedFile(file))

const CH = 'CH' + 'a'.repeat(32)
const IM = 'IM' + 'a'.repeat(32)
const ORIGIN = 'https://conversations.twilio.com'

describe('the static validators', () => {
  test('are keyed by requirement IDs of the catalogue, and name the live check with the same logic', () => {
    const ids = new Set(REQUIREMENTS.map((r) => r.id))
    for (const [id, v] of Object.entries(STATIC_VALIDATORS)) {
      expect(ids.has(id), id).toBe(true)
      expect(v.live, id).toBeDefined()
      expect(existsSync(join(ROOT, v.live!.split(' ')[0]!)), `${id}: ${v.live}`).toBe(true)
    }
  })

  test('recognise the operation from method and path, in both scopes, and a bare body from its shape', () => {
    expect(recogniseRequest('POST', `/v1/Conversations/${CH}/Messages`)).toMatchObject({ operation: 'create', scope: 'default', conversationSid: CH })
    expect(recogniseRequest('GET', `/v1/Services/IS${'b'.repeat(32)}/Conversations/${CH}/Messages/${IM}`)).toMatchObject({ operation: 'fetch', scope: 'service', messageSid: IM })
    expect(recogniseRequest('GET', `/v1/Conversations/${CH}/Messages?PageSize=2`)?.operation).toBe('list')
    expect(recogniseRequest('POST', `/v1/Conversations/${CH}/Messages/${IM}`)?.operation).toBe('update')
    expect(recogniseRequest('DELETE', `/v1/Conversations/${CH}/Messages/${IM}`)?.operation).toBe('delete')
    expect(recogniseRequest('GET', '/v1/Configuration')).toBeUndefined()
    expect(shapeOf(doc('list-read-full'))).toBe('page')
    expect(shapeOf({ code: 20404, message: 'x', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 })).toBe('error')
    expect(shapeOf(doc('fetch'))).toBe('message')
    expect(shapeOf({ sid: 'CH1' })).toBeUndefined()
  })
})

describe('conformance validate', () => {
  test('every example response of the doc page passes', async () => {
    const run = await runCli(['validate', ...DOC_EXAMPLES])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('5 files: 5 pass, 0 fail; 5 responses judged, 0 failing  (exit 0)')
  })

  test('the raw doc examples fail exactly at the placeholder SIDs', () => {
    const fetch = judgeFile(readRecordedFile(join(DOC, 'raw/fetch.json')))
    expect(fetch.verdict).toBe('fail')
    const sids = fetch.exchanges[0]!.findings.filter((f) => f.requirement === 'msg.representation.sids').map((f) => f.pointer)
    expect(sids).toEqual(['/sid', '/conversation_sid'])
  })

  test('a body with a broken SID: the pointer, the rule, the requirement and its doc link', async () => {
    const file = write('broken-sid.json', { ...doc('fetch'), sid: 'IMnot-a-sid' })
    const run = await runCli(['validate', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('/sid  sid-pattern  msg.representation.sids (must): sid is "IMnot-a-sid", expected "IM" and 32 hex digits')
    expect(run.stdout).toContain('https://www.twilio.com/docs/conversations/api/conversation-message-resource#message-properties')
    // The schema says the same thing at the same pointer: reported once, under the specific requirement.
    expect(run.stdout).not.toMatch(/\/sid\s+pattern\s+msg\.representation\.schema/)
  })

  test('a HAR file from a browser: message exchanges judged, everything else listed as not judged', async () => {
    const msg = (over: Record<string, unknown>) => ({ ...doc('create'), ...over })
    const entry = (method: string, url: string, status: number, body: unknown, type = 'application/json; charset=utf-8', post?: string) => ({
      request: { method, url, headers: [], ...(post ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: post } } : {}) },
      response: { status, headers: [{ name: 'Content-Type', value: type }], content: { mimeType: type, text: body === '' ? '' : JSON.stringify(body) } },
    })
    const har = {
      log: {
        version: '1.2',
        entries: [
          entry('GET', 'https://app.example.com/main.js', 200, 'x', 'text/javascript'),
          entry('POST', `${ORIGIN}/v1/Conversations/${CH}/Messages`, 201, msg({}), undefined, 'Author=smee&Body=Ahoy+there%21'),
          entry('GET', `${ORIGIN}/v1/Conversations/${CH}/Messages/${IM}`, 200, msg({ links: { delivery_receipts: `${ORIGIN}/v1/Conversations/${CH}/Messages/${IM}/Receipts` } })),
          entry('GET', `${ORIGIN}/v1/Conversations/${CH}/Messages?PageSize=50`, 200, doc('list-read-full')),
          entry('DELETE', `${ORIGIN}/v1/Conversations/${CH}/Messages/${IM}`, 204, ''),
          entry('GET', `${ORIGIN}/v1/Conversations/${CH}/Messages/IM${'0'.repeat(32)}`, 404, { code: 20404, message: 'not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 400 }),
        ],
      },
    }
    const result = judge(write('session.har', har))
    expect(result.kind).toBe('har')
    expect(result.exchanges.map((e) => [e.operation ?? null, e.verdict])).toEqual([
      [null, 'not judged'],
      ['create', 'pass'],
      ['fetch', 'warn'],
      ['list', 'pass'],
      ['delete', 'pass'],
      ['fetch', 'fail'],
    ])
    // links.channel_metadata is only in the examples, not in the property table: a should-level warning.
    expect(result.exchanges[2]!.findings.map((f) => [f.pointer, f.requirement, f.level])).toEqual([['/links/channel_metadata', 'msg.representation.links-channel-metadata', 'should']])
    expect(result.exchanges[5]!.findings.map((f) => [f.pointer, f.rule, f.requirement])).toEqual([['/status', 'status-matches-http', 'msg.errors.format']])
    const run = await runCli(['validate', join(tmp, 'session.har')])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/HAR: 5 message exchanges judged, 1 failing, 1 other not judged/)
  })

  test('a nock definition file (rawHeaders as a flat array): status, headers and body judged', () => {
    const nockFile = [
      { scope: ORIGIN, method: 'POST', path: `/v1/Conversations/${CH}/Messages`, body: 'Body=hi', status: 200, response: doc('create'), rawHeaders: ['Content-Type', 'application/json'] },
      { scope: ORIGIN, method: 'GET', path: `/v1/Conversations/${CH}/Messages/${IM}`, status: 200, response: doc('fetch'), rawHeaders: ['Content-Type', 'text/html; charset=utf-8'] },
      { scope: ORIGIN, method: 'DELETE', path: `/v1/Conversations/${CH}/Messages/${IM}`, status: 200, response: doc('fetch') },
      { scope: ORIGIN, method: 'GET', path: `/v1/Conversations/${CH}/Messages?Order=desc`, status: 200, response: doc('list-read-full') },
    ]
    const result = judge(write('nock-defs.json', nockFile))
    expect(result.kind).toBe('nock')
    const found = result.exchanges.map((e) => e.findings.map((f) => `${f.requirement} ${f.rule}`))
    expect(found[0]).toEqual(['msg.create.status-201 status'])
    expect(found[1]).toEqual(['msg.representation.json-content-type content-type'])
    expect(found[2]).toEqual(['msg.delete.status-204-empty status', 'msg.delete.status-204-empty empty-body'])
    // The doc's list example is in ascending order: asked for Order=desc, it is not.
    expect(found[3]).toEqual(['msg.list.order-desc order-desc'])
  })

  test('unusable files get one clear line each and do not stop the others; --report writes JSON', async () => {
    const files = [
      write('not-json.json', 'hello'),
      write('truncated.json', JSON.stringify(doc('fetch')).slice(0, 200)),
      write('empty-array.json', []),
      write('something-else.json', { name: 'not a twilio body' }),
      DOC_EXAMPLES[0]!,
    ]
    const report = join(tmp, 'out', 'validation.json')
    const run = await runCli(['validate', ...files, '--report', `json:${report}`])
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/UNUSABLE\s+\S*not-json\.json\s*\n\s+is not JSON/)
    expect(run.stdout).toMatch(/truncated\.json\s*\n\s+is not JSON \(truncated\?\)/)
    expect(run.stdout).toMatch(/empty-array\.json\s*\n\s+is an empty recording/)
    expect(run.stdout).toMatch(/something-else\.json\s*\n\s+is neither a recording .* it has name/)
    expect(run.stdout).toMatch(/✓ PASS\s+\S*create\.json/)
    const json = JSON.parse(readFileSync(report, 'utf8')) as { format: string; exitCode: number; summary: { unusable: number; pass: number } }
    expect(json).toMatchObject({ format: 'conversations-message-conformance-validation', exitCode: 2, summary: { unusable: 4, pass: 1 } })
    expect(validateById('urn:conversations-conformance:schema:validation-report', json)).toEqual([])
    // With a must-level finding as well, the finding decides: exit 1.
    expect((await runCli(['validate', files[0]!, write('bad.json', { ...doc('fetch'), sid: 'IMx' })])).code).toBe(1)
  })

  test('--help: the run explains the subcommand, and the subcommand explains itself', async () => {
    const top = await runCli(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toContain('conformance validate FILE...')
    const sub = await runCli(['validate', '--help'])
    expect(sub.code).toBe(0)
    expect(sub.stdout).toMatch(/Usage: conformance validate \[options\] <file\.\.\.>/)
    expect(sub.stdout).toContain('HAR files')
    expect((await runCli(['validate'])).code).toBe(2)
  })
})
