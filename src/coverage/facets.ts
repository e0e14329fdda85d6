/**
 * Parameter facets: for each path, query and header parameter and each form field of each operation, the positive
 * side (an allowed value, every value of an enum, a value at a bound, accepted; leaving an optional one out) and,
 * wherever the spec or the doc gives a bound or a type, the negative sides (just outside the bound, a wrong type,
 * an empty value, a malformed JSON string, a value outside the enum, a pattern miss). IDs:
 * `<operation>.<path|query|header|form>.<Name>.<facet>`, e.g. `create.form.Body.maxLength.over`.
 */
import { child } from './pointer.ts'
import { DOC_SECTIONS, proseSource, readParameterProse, type ParameterProse } from './prose.ts'
import type { SchemaNode, SpecOperation, SpecParameter } from './spec.ts'
import type { Polarity, RawConstraint, Source } from './types.ts'

/** What a refusal is: whichever 4xx and error code the server picks, and nothing stored or changed. */
const REFUSED = 'is refused with a 4xx Twilio error and changes nothing'
/** A path segment that cannot name anything is not found (or refused as malformed); never a 2xx, never a 5xx. */
const NOT_FOUND = 'answers 404 (or 400) with a Twilio error and changes nothing'

/** The message property a form field sets: its snake_case name, or for `…Sid` fields the property without `_sid` (MediaSid → media). */
export function propertyOfField(field: string, properties: readonly string[]): string | undefined {
  const snake = field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
  if (properties.includes(snake)) return snake
  const bare = snake.replace(/_sid$/, '')
  return bare !== snake && properties.includes(bare) ? bare : undefined
}

export function parameterFacets(op: SpecOperation, messageProperties: readonly string[]): RawConstraint[] {
  return op.parameters.flatMap((p) => facetsOf(op, p, readParameterProse(p.description), messageProperties))
}

function facetsOf(op: SpecOperation, p: SpecParameter, prose: ParameterProse, messageProperties: readonly string[]): RawConstraint[] {
  const s = p.schema
  const out: RawConstraint[] = []
  const add = (facet: string, polarity: Polarity, rule: string, sources: Source[]) =>
    out.push({ id: `${op.kind}.${p.in}.${p.name}.${facet}`, kind: p.in, polarity, rule, operationId: op.operationId, scope: op.scope, sources })
  const keyword = (k: keyof SchemaNode): Source => ({ kind: 'openapi', pointer: child(p.schemaPointer, k) })
  const itself: Source = { kind: 'openapi', pointer: p.pointer }
  const said = (f: { quote: string }): Source => proseSource(op.scope, DOC_SECTIONS[op.kind], child(p.pointer, 'description'), f.quote)
  const refusal = p.in === 'path' ? NOT_FOUND : REFUSED
  const property = p.in === 'form' ? propertyOfField(p.name, messageProperties) : undefined
  const enumValues = s.enum?.map(String)

  // Positive: what is allowed is accepted.
  if (enumValues) {
    add('enum.each', 'positive', `${p.name}: each value (${enumValues.join(', ')}) is accepted and has its documented effect`, [keyword('enum')])
    const casings = p.examples.filter((e) => typeof e.value === 'string' && !enumValues.includes(e.value) && enumValues.includes(e.value.toLowerCase()))
    if (casings.length > 0) {
      add('enum.case-insensitive', 'positive', `${p.name}: matched case-insensitively, any casing of ${enumValues.join(' or ')} means that value (the spec's examples send mixed case)`, casings.map((e) => ({ kind: 'openapi', pointer: e.pointer })))
    }
  } else {
    add('valid', 'positive', `${p.name}: a valid value (${summary(s, prose)}) is accepted${effectOf(p, property)}`, [itself, ...(prose.json ? [said(prose.json)] : [])])
  }
  if (s.minimum !== undefined) add('minimum.at', 'positive', `${p.name}: ${s.minimum} (the minimum) is accepted`, [keyword('minimum')])
  if (s.maximum !== undefined) add('maximum.at', 'positive', `${p.name}: ${s.maximum} (the maximum) is accepted`, [keyword('maximum')])
  if (prose.maxLength) add('maxLength.at', 'positive', `${p.name}: exactly ${n(prose.maxLength.value)} characters (the documented maximum) is accepted`, [said(prose.maxLength)])

  // Negative: just outside each bound, a wrong type, an empty value, not JSON, not in the enum, not the pattern.
  if (enumValues) add('enum.other', 'negative', `${p.name}: a value outside ${enumValues.join(' and ')} (in any casing) ${refusal}`, [keyword('enum')])
  if (s.pattern) add('pattern.miss', 'negative', `${p.name}: a value that misses ${s.pattern} ${refusal}`, [keyword('pattern')])
  if (s.minLength !== undefined && s.minLength > 0) add('minLength.under', 'negative', `${p.name}: ${s.minLength - 1} characters (under minLength ${s.minLength}) ${refusal}`, [keyword('minLength')])
  if (s.maxLength !== undefined) add('maxLength.over', 'negative', `${p.name}: ${s.maxLength + 1} characters (over maxLength ${s.maxLength}) ${refusal}`, [keyword('maxLength')])
  else if (prose.maxLength) add('maxLength.over', 'negative', `${p.name}: ${n(prose.maxLength.value + 1)} characters (just over the documented ${n(prose.maxLength.value)}) ${refusal}`, [said(prose.maxLength)])
  if (s.minimum !== undefined) add('minimum.under', 'negative', `${p.name}: ${s.minimum - 1} (just under the minimum ${s.minimum}) ${refusal}`, [keyword('minimum')])
  if (s.maximum !== undefined) add('maximum.over', 'negative', `${p.name}: ${s.maximum + 1} (just over the maximum ${s.maximum}) ${refusal}`, [keyword('maximum')])
  if (s.type !== undefined && s.type !== 'string') add('type.wrong', 'negative', `${p.name}: a value that is not ${article(s.type)} (e.g. "abc" or "1.5") ${refusal}`, [keyword('type')])
  if (s.format === 'date-time') add('format.wrong', 'negative', `${p.name}: a value that is not an RFC 3339 date-time ${refusal}`, [keyword('format')])
  if (prose.json) add('json.malformed', 'negative', `${p.name}: a value that is not structurally valid JSON ${refusal}`, [said(prose.json)])
  if (prose.issuedByApi) add('not-issued', 'negative', `${p.name}: a value the API did not issue ${refusal}`, [said(prose.issuedByApi)])
  const emptyIsInvalid = enumValues || s.pattern || (s.minLength ?? 0) > 0 || (s.type !== undefined && s.type !== 'string') || s.format === 'date-time' || prose.json
  // An empty path segment is another route, not an empty value, so only query, header and form values can be empty.
  if (emptyIsInvalid && p.in !== 'path') add('empty', 'negative', `${p.name}: given empty ${refusal}`, [emptySource(p, prose, keyword, said)])
  if (p.in === 'path') add('unknown', 'negative', `${p.name}: a well-formed value that names nothing answers 404 with a Twilio error and changes nothing`, [itself])

  // Optionality: an optional parameter may be left out; then the documented default applies, or on update nothing changes.
  if (!p.required) {
    if (op.kind === 'update' && p.in === 'form' && prose.lastUpdated) {
      add('omitted', 'positive', `${p.name}: left out of an update, ${property ?? p.name} becomes the time of the edit (it is the date the message "was last updated")`, [itself, said(prose.lastUpdated)])
    } else if (op.kind === 'update' && p.in === 'form') {
      add('omitted', 'positive', `${p.name}: left out of an update, the message keeps its ${property ?? `${p.name} (no property shows it)`}`, [itself])
    } else if (prose.default) {
      add('omitted', 'positive', `${p.name}: left out, the request is accepted and ${property ?? p.name} defaults to \`${prose.default.value}\``, [itself, said(prose.default)])
    } else {
      add('omitted', 'positive', `${p.name}: left out, the request is accepted`, [itself])
    }
  }
  return out
}

function emptySource(p: SpecParameter, prose: ParameterProse, keyword: (k: keyof SchemaNode) => Source, said: (f: { quote: string }) => Source): Source {
  const s = p.schema
  if (s.enum) return keyword('enum')
  if (s.pattern) return keyword('pattern')
  if ((s.minLength ?? 0) > 0) return keyword('minLength')
  if (s.type !== undefined && s.type !== 'string') return keyword('type')
  if (s.format) return keyword('format')
  return said(prose.json!)
}

function summary(s: SchemaNode, prose: ParameterProse): string {
  const parts = [s.type ?? 'any']
  if (s.format) parts.push(s.format)
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? '…'} to ${s.maximum ?? '…'}`)
  if (s.pattern) parts.push(s.pattern)
  if (prose.maxLength) parts.push(`up to ${n(prose.maxLength.value)} characters`)
  if (prose.json) parts.push('any JSON value')
  return parts.join(', ')
}

function effectOf(p: SpecParameter, property: string | undefined): string {
  if (p.in === 'path') return ' and names the resource it identifies'
  if (p.in === 'form') return property ? ` and shows in ${property}` : ' (no property shows it)'
  return ' and has its documented effect'
}

const n = (value: number): string => value.toLocaleString('en-US')
const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)
