/**
 * The ten message operations as the OpenAPI file states them, read from the vendored extract (fixtures/openapi/):
 * parameters (path, query, header and form fields) with their schemas resolved, responses with their schemas, the
 * security schemes. Every piece keeps the JSON pointer it was read from, for the constraints to cite.
 */
import { readFileSync } from 'node:fs'
import { EXTRACT_FILE, MESSAGE_PATH } from './extract.ts'
import { child, valueAt } from './pointer.ts'
import type { OperationKind, Scope } from './types.ts'

/** The JSON Schema keywords the model reads (OpenAPI 3.0 flavour: `nullable`). */
export interface SchemaNode {
  type?: string
  format?: string
  enum?: unknown[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  nullable?: boolean
  description?: string
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  $ref?: string
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'form'

export interface SpecParameter {
  name: string
  in: ParameterLocation
  required: boolean
  /** The schema with its `$ref` resolved. */
  schema: SchemaNode
  /** Where the resolved schema is (the component, for a `$ref`): enum and type constraints cite it. */
  schemaPointer: string
  description: string
  /** Where the parameter (or form field) itself is: its description is there. */
  pointer: string
  examples: Array<{ name: string; value: unknown; pointer: string }>
}

export interface SpecProperty {
  /** Dotted path in the body: `sid`, `meta.next_page_url`, `messages[].sid`. */
  path: string
  schema: SchemaNode
  pointer: string
}

export interface SpecResponse {
  status: string
  description: string
  pointer: string
  contentTypes: Array<{ type: string; pointer: string }>
  headers: Array<{ name: string; pointer: string }>
  properties: SpecProperty[]
}

export interface SpecOperation {
  operationId: string
  kind: OperationKind
  scope: Scope
  method: 'get' | 'post' | 'delete'
  path: string
  pointer: string
  summary: string
  parameters: SpecParameter[]
  requestContentTypes: Array<{ type: string; pointer: string }>
  responses: SpecResponse[]
  security: Array<{ scheme: string; type: string; httpScheme?: string; pointer: string; requiredAt: string }>
  /** x-twilio.dependentProperties of the path: the links a message carries, and the URL each is built from. */
  dependentProperties: Array<{ name: string; resourceUrl: string; pointer: string }>
}

export interface Spec {
  doc: unknown
  operations: SpecOperation[]
}

const OPERATION_ID = /^(Create|List|Fetch|Update|Delete)(Service)?ConversationMessage$/

export function loadSpec(extractFile = EXTRACT_FILE): Spec {
  return readSpec(JSON.parse(readFileSync(extractFile, 'utf8')))
}

export function readSpec(doc: unknown): Spec {
  const operations: SpecOperation[] = []
  for (const [path, item] of Object.entries((valueAt(doc, '/paths') ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!MESSAGE_PATH.test(path)) continue
    for (const method of ['get', 'post', 'delete'] as const) {
      if (item[method] === undefined) continue
      operations.push(readOperation(doc, path, method))
    }
  }
  return { doc, operations }
}

function readOperation(doc: unknown, path: string, method: 'get' | 'post' | 'delete'): SpecOperation {
  const pathPointer = child('/paths', path)
  const pointer = child(pathPointer, method)
  const op = valueAt(doc, pointer) as Record<string, unknown>
  const operationId = String(op['operationId'])
  const named = OPERATION_ID.exec(operationId)
  if (!named) throw new Error(`${pointer}: operationId ${operationId} is not one of the message operations`)
  const kind = named[1]!.toLowerCase() as OperationKind
  const parameters = ((op['parameters'] ?? []) as unknown[]).map((_, i) => readParameter(doc, child(pointer, 'parameters', i)))
  const requestContentTypes: SpecOperation['requestContentTypes'] = []
  const content = valueAt(doc, child(pointer, 'requestBody', 'content')) as Record<string, unknown> | undefined
  for (const type of Object.keys(content ?? {})) {
    const at = child(pointer, 'requestBody', 'content', type)
    requestContentTypes.push({ type, pointer: at })
    const { schema } = resolve(doc, child(at, 'schema'))
    for (const name of Object.keys(schema.properties ?? {})) {
      const fieldPointer = child(at, 'schema', 'properties', name)
      const field = resolve(doc, fieldPointer)
      parameters.push({ name, in: 'form', required: false, schema: field.schema, schemaPointer: field.pointer, description: schema.properties![name]!.description ?? '', pointer: fieldPointer, examples: [] })
    }
  }
  const responses = Object.keys((op['responses'] ?? {}) as object).map((status) => readResponse(doc, child(pointer, 'responses', status), status))
  const security = readSecurity(doc, pointer)
  const dependent = (valueAt(doc, child(pathPointer, 'x-twilio', 'dependentProperties')) ?? {}) as Record<string, { resource_url?: string }>
  return {
    operationId,
    kind,
    scope: named[2] ? 'service' : 'default',
    method,
    path,
    pointer,
    summary: String(op['summary'] ?? ''),
    parameters,
    requestContentTypes,
    responses,
    security,
    dependentProperties: Object.entries(dependent).map(([name, d]) => ({ name, resourceUrl: String(d.resource_url), pointer: child(pathPointer, 'x-twilio', 'dependentProperties', name) })),
  }
}

function readParameter(doc: unknown, pointer: string): SpecParameter {
  const p = valueAt(doc, pointer) as { name: string; in: string; required?: boolean; description?: string; examples?: Record<string, { value: unknown }> }
  if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') throw new Error(`${pointer}: parameter in ${p.in} is not modelled`)
  const { schema, pointer: schemaPointer } = resolve(doc, child(pointer, 'schema'))
  return {
    name: p.name,
    in: p.in,
    required: p.required === true,
    schema,
    schemaPointer,
    description: p.description ?? '',
    pointer,
    examples: Object.entries(p.examples ?? {}).map(([name, e]) => ({ name, value: e.value, pointer: child(pointer, 'examples', name, 'value') })),
  }
}

function readResponse(doc: unknown, pointer: string, status: string): SpecResponse {
  const r = valueAt(doc, pointer) as { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }
  const contentTypes = Object.keys(r.content ?? {}).map((type) => ({ type, pointer: child(pointer, 'content', type) }))
  const json = contentTypes.find((c) => c.type === 'application/json')
  return {
    status,
    description: r.description ?? '',
    pointer,
    contentTypes,
    headers: Object.keys(r.headers ?? {}).map((name) => ({ name, pointer: child(pointer, 'headers', name) })),
    properties: json ? propertiesOf(doc, child(json.pointer, 'schema'), '') : [],
  }
}

/** Every property of a body schema, depth first: objects' properties and the items of arrays that have typed items. */
function propertiesOf(doc: unknown, pointer: string, prefix: string): SpecProperty[] {
  const { schema, pointer: at } = resolve(doc, pointer)
  const out: SpecProperty[] = []
  for (const name of Object.keys(schema.properties ?? {})) {
    const propPointer = child(at, 'properties', name)
    const { schema: prop, pointer: resolvedAt } = resolve(doc, propPointer)
    const path = prefix + name
    out.push({ path, schema: prop, pointer: propPointer })
    if (prop.properties) out.push(...propertiesOf(doc, resolvedAt, path + '.'))
    // Only an items schema with properties of its own describes a body further (media's `items: {}` does not).
    if (prop.type === 'array' && prop.items && (prop.items.$ref || prop.items.properties)) out.push(...propertiesOf(doc, child(resolvedAt, 'items'), path + '[].'))
  }
  return out
}

function readSecurity(doc: unknown, operationPointer: string): SpecOperation['security'] {
  const own = valueAt(doc, child(operationPointer, 'security'))
  const requiredAt = own !== undefined ? child(operationPointer, 'security') : '/security'
  const requirements = (own ?? valueAt(doc, '/security') ?? []) as Array<Record<string, unknown>>
  return requirements.flatMap((r) =>
    Object.keys(r).map((scheme) => {
      const pointer = child('/components/securitySchemes', scheme)
      const s = valueAt(doc, pointer) as { type: string; scheme?: string }
      return { scheme, type: s.type, ...(s.scheme ? { httpScheme: s.scheme } : {}), pointer, requiredAt }
    }),
  )
}

/** Follows `$ref`s (local ones only: the extract is self-contained) to the schema and the pointer it is at. */
export function resolve(doc: unknown, pointer: string): { schema: SchemaNode; pointer: string } {
  let at = pointer
  for (let hops = 0; hops < 10; hops++) {
    const node = valueAt(doc, at) as SchemaNode | undefined
    if (node === undefined) throw new Error(`nothing at ${at}`)
    if (typeof node.$ref !== 'string') return { schema: node, pointer: at }
    if (!node.$ref.startsWith('#/')) throw new Error(`${at}: $ref ${node.$ref} leaves the file`)
    at = node.$ref.slice(1)
  }
  throw new Error(`${pointer}: $ref chain too long`)
}
