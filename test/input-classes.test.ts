/**
 * The input-class table (src/arbitraries/classes.ts) and the writes read back through every view
 * (src/harness/every-view.ts): the table names only real requirements and classes, every class has what it stands
 * for, every date form writes the instant it was given, and the create, update and delete checks that verify an
 * effect go through the one helper.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { CLASSES_TRIED, DATE_FORMS, INPUT_CLASSES, type Parameter, triedDates, triedSids, triedValues } from '../src/arbitraries/classes.ts'
import { findRequirement } from '../src/catalogue/requirements.ts'

describe('input classes', () => {
  test('every requirement that tries classes is in the catalogue, and every class it names exists', () => {
    for (const [id, byParameter] of Object.entries(CLASSES_TRIED)) {
      expect(findRequirement(id), id).toBeDefined()
      for (const [parameter, names] of Object.entries(byParameter)) {
        for (const name of names ?? []) expect(INPUT_CLASSES[parameter as Parameter][name], `${id}: ${parameter}.${name}`).toBeDefined()
      }
    }
  })

  test('every parameter has an empty or default class and classes a server must accept', () => {
    for (const [parameter, classes] of Object.entries(INPUT_CLASSES)) {
      expect(Object.values(classes).some((c) => c.reading === 'accepted'), parameter).toBe(true)
    }
  })

  test('text classes hold what they name: white space at the edges, each line ending, NFD differing from NFC, astral characters', () => {
    const body = (cls: string) => INPUT_CLASSES.Body[cls]!.values
    expect(body('whitespace').every((v) => v !== v.trim())).toBe(true)
    expect(body('line-endings')[0]).toMatch(/[^\r]\n[\s\S]*\r\n[\s\S]*\r[^\n]/)
    expect(body('nfd')[0]).not.toBe(body('nfc')[0])
    expect(body('nfd')[0]!.normalize('NFC')).toBe(body('nfc')[0])
    expect(/[\u{10000}-\u{10FFFF}]/u.test(body('astral')[0]!)).toBe(true)
    expect(body('at-max')[0]).toHaveLength(1600)
  })

  test('every date form writes the same instant, to the second', () => {
    const instant = Date.UTC(2018, 2, 4, 5, 6, 7) / 1000
    for (const [cls, form] of Object.entries(DATE_FORMS)) {
      const text = form(instant)
      expect(/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(text), `${cls}: ${text}`).toBe(true)
      expect(Math.floor(Date.parse(text.toUpperCase()) / 1000), `${cls}: ${text}`).toBe(instant)
    }
    expect(triedDates('msg.create.date-created', 'DateCreated', instant).map((d) => d.cls)).toEqual(CLASSES_TRIED['msg.create.date-created']!.DateCreated)
  })

  test('the examples a check takes come from the table, and a class the table does not list is refused', () => {
    expect(triedValues('msg.create.body-round-trip', 'Body').map((v) => v.cls)).toEqual(CLASSES_TRIED['msg.create.body-round-trip']!.Body)
    expect(triedSids('msg.fetch.malformed-sid', 'IM0123456789abcdef0123456789abcdef').map((s) => s.cls)).toContain('padded')
    expect(() => triedValues('msg.create.status-201', 'Body')).toThrow(/names no Body classes/)
  })
})

/** The create, update and delete checks that verify an effect of their write: each reads it back through every view. */
const WRITE_CHECKS = [
  'create/body-round-trip', 'create/body-form-characters', 'create/body-max-length', 'create/body-limit-in-characters', 'create/author', 'create/attributes',
  'create/subject', 'create/date-created', 'create/date-updated', 'create/webhook-header',
  'update/applies-changes', 'update/only-given-fields', 'update/dates', 'update/identity-stable', 'update/date-updated-advances',
  'update/participant-sid-follows-author', 'update/create-only-fields', 'update/webhook-header',
  'delete/gone-from-list', 'delete/use-after-free', 'delete/webhook-header', 'create/attributes-size',
  'create/client-encodings', 'update/client-encodings', 'update/field-limits',
  'create/media-sid', 'create/content-sid', 'create/content-sid-ignores-body', 'create/empty-values', 'update/empty-values',
  // Refused writes: every view still shows the message, unchanged.
  'update/validation', 'update/date-invalid', 'update/webhook-header-invalid', 'delete/webhook-header-invalid',
]

describe('every view after every write', () => {
  test.each(WRITE_CHECKS)('suites/%s.check.ts reads its writes back through src/harness/every-view.ts', (name) => {
    const source = readFileSync(new URL(`../suites/${name}.check.ts`, import.meta.url), 'utf8')
    expect(source).toContain("from '../../src/harness/every-view.ts'")
    expect(source).toMatch(/EveryView\.begin\(ctx\)/)
    expect(source).toMatch(/views\.(afterWrite|afterDelete|verify|unchanged)\(/)
  })
})
