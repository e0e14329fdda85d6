/** The vocabulary of the coverage model: operations, scopes, where a constraint comes from, what it is. */

/** The five message operations; each exists in both URL scopes. */
export type OperationKind = 'create' | 'list' | 'fetch' | 'update' | 'delete'
export const OPERATION_KINDS: readonly OperationKind[] = ['create', 'list', 'fetch', 'update', 'delete']

/** `default`: /v1/Conversations/…; `service`: /v1/Services/{ChatServiceSid}/Conversations/…. */
export type Scope = 'default' | 'service'
export const SCOPES: readonly Scope[] = ['default', 'service']

/**
 * What a constraint constrains. Parameter facets by where the parameter travels (path, query, header, form); the
 * request's media type; a response's status, media type (or emptiness), declared headers and body properties; the
 * credentials; and relations between fields and operations that the spec and the doc state in words.
 */
export type ConstraintKind = 'path' | 'query' | 'header' | 'form' | 'request' | 'status' | 'content-type' | 'response-header' | 'property' | 'security' | 'relation'
export const CONSTRAINT_KINDS: readonly ConstraintKind[] = ['path', 'query', 'header', 'form', 'request', 'status', 'content-type', 'response-header', 'property', 'security', 'relation']

/**
 * Where a constraint comes from. `openapi`: a JSON pointer into Twilio's OpenAPI file (the vendored extract keeps the
 * same pointers), with the words of the description it rests on when it rests on words. `doc`: a phrase of the doc
 * page, in a named section (and, when the doc prints the OpenAPI text, the pointer of the same words).
 * `twilio-page`: another official Twilio page, for meaning the two sources leave to it (paging, authentication).
 */
export type Source =
  | { kind: 'openapi'; pointer: string; quote?: string }
  | { kind: 'doc'; section: string; quote: string; pointer?: string }
  | { kind: 'twilio-page'; url: string; about: string }

/** `positive`: something must be accepted or shown; `negative`: something must be refused (and change nothing). */
export type Polarity = 'positive' | 'negative'

export interface Constraint {
  /** Stable and readable: `<operation>.<where>.<name>.<facet>` or `relation.<subject>.<relation>`; see constraints.ts. */
  id: string
  kind: ConstraintKind
  polarity: Polarity
  /** The fact a conformant server shows, in one sentence. */
  rule: string
  /** The OpenAPI operationIds it applies to (a constraint stated alike in both scopes applies to both operations). */
  operations: string[]
  scopes: Scope[]
  sources: Source[]
}

/** A constraint as one operation of one scope yields it, before the two scopes are merged. */
export interface RawConstraint {
  id: string
  kind: ConstraintKind
  polarity: Polarity
  rule: string
  operationId: string
  scope: Scope
  sources: Source[]
}
