/**
 * What each operation's request body and responses must look like: the request media type; each response's status,
 * media type (or, for 204, no body) and declared headers; and each property of each response body, for each
 * operation that returns it. IDs: `<operation>.request.content-type`, `<operation>.response.<status>.status`,
 * `.content-type`, `.empty`, `.header.<Name>`, `.body.<property path>` (`meta.next_page_url`, `messages[].sid`).
 */
import type { SchemaNode, SpecOperation } from './spec.ts'
import type { RawConstraint } from './types.ts'

export function requestAndResponseConstraints(op: SpecOperation): RawConstraint[] {
  const out: RawConstraint[] = []
  const base = { operationId: op.operationId, scope: op.scope } as const
  for (const { type, pointer } of op.requestContentTypes) {
    out.push({ ...base, id: `${op.kind}.request.content-type`, kind: 'request', polarity: 'positive', rule: `a request body sent as ${type} is accepted and its fields read once, correctly decoded`, sources: [{ kind: 'openapi', pointer }] })
  }
  for (const r of op.responses) {
    const at = `${op.kind}.response.${r.status}`
    out.push({ ...base, id: `${at}.status`, kind: 'status', polarity: 'positive', rule: `a successful ${op.kind} answers ${r.status} (${r.description})`, sources: [{ kind: 'openapi', pointer: r.pointer }] })
    if (r.contentTypes.length === 0) {
      out.push({ ...base, id: `${at}.empty`, kind: 'content-type', polarity: 'positive', rule: `the ${r.status} response has no body`, sources: [{ kind: 'openapi', pointer: r.pointer }] })
    }
    for (const c of r.contentTypes) {
      out.push({ ...base, id: `${at}.content-type`, kind: 'content-type', polarity: 'positive', rule: `the ${r.status} response is served as ${c.type}`, sources: [{ kind: 'openapi', pointer: c.pointer }] })
    }
    for (const h of r.headers) {
      out.push({ ...base, id: `${at}.header.${h.name}`, kind: 'response-header', polarity: 'positive', rule: `the ${r.status} response carries the ${h.name} header`, sources: [{ kind: 'openapi', pointer: h.pointer }] })
    }
    for (const p of r.properties) {
      out.push({ ...base, id: `${at}.body.${p.path}`, kind: 'property', polarity: 'positive', rule: `${p.path} is ${describeSchema(p.schema)}`, sources: [{ kind: 'openapi', pointer: p.pointer }] })
    }
  }
  return out
}

/**
 * The schema keywords of a property in words (`index`'s `default: 0` is left out: on a response it states nothing a
 * server does). E.g. `a string or null, 34 characters, matching ^IM[0-9a-fA-F]{32}$`.
 */
export function describeSchema(s: SchemaNode): string {
  const type = s.type === undefined ? 'any value' : s.type === 'array' ? 'an array' : s.type === 'object' ? 'an object' : s.type === 'integer' ? 'an integer' : `a ${s.type}`
  const parts = [s.nullable ? `${type} or null` : type]
  if (s.format) parts.push(`format ${s.format}`)
  if (s.minLength !== undefined && s.minLength === s.maxLength) parts.push(`${s.minLength} characters`)
  else {
    if (s.minLength !== undefined) parts.push(`at least ${s.minLength} characters`)
    if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`)
  }
  if (s.pattern) parts.push(`matching ${s.pattern}`)
  if (s.enum) parts.push(`one of ${s.enum.map(String).join(', ')}`)
  return parts.join(', ')
}
