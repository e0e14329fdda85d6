/**
 * The coverage model: every constraint the OpenAPI file and the doc page state for the ten message operations,
 * derived from the vendored extract (spec.ts), none typed in by hand apart from the few relations in relations.ts.
 *
 * IDs name what is constrained, never a position:
 *   <operation>.<path|query|header|form>.<Name>.<facet>   create.form.Body.maxLength.over, list.query.Order.enum.other
 *   <operation>.request.content-type                      update.request.content-type
 *   <operation>.response.<status>.<what>                  create.response.201.status, fetch.response.200.content-type,
 *                                                         delete.response.204.empty, list.response.200.body.meta.next_page_url,
 *                                                         update.response.200.body.participant_sid, ….header.Access-Control-Allow-Origin
 *   <operation>.security.<facet>                          fetch.security.password.wrong
 *   relation.<subject>.<relation>[.after-create|.after-update]   relation.participant_sid.from-author.after-update
 * A constraint the two URL scopes state alike is one constraint that applies to both operations; one they state
 * differently is split, its ID prefixed with the scope (`default.` or `service.`).
 */
import { parameterFacets } from './facets.ts'
import { relationConstraints } from './relations.ts'
import { requestAndResponseConstraints } from './responses.ts'
import { securityConstraints } from './security.ts'
import type { Spec } from './spec.ts'
import { CONSTRAINT_KINDS, OPERATION_KINDS, SCOPES, type Constraint, type OperationKind, type RawConstraint, type Scope } from './types.ts'

export function buildConstraints(spec: Spec): Constraint[] {
  const ordered = OPERATION_KINDS.flatMap((kind) => SCOPES.flatMap((scope) => spec.operations.filter((o) => o.kind === kind && o.scope === scope)))
  const raw = ordered.flatMap((op) => {
    const properties = messagePropertiesOf(spec, op.scope)
    return [...parameterFacets(op, properties), ...requestAndResponseConstraints(op), ...securityConstraints(op), ...relationConstraints(op, properties)]
  })
  const merged = merge(raw)
  // Each operation's constraints (create, list, fetch, update, delete) by kind, in the spec's order within a kind;
  // then the relations, which span operations, by ID.
  const rank = (c: Constraint) => OPERATION_KINDS.indexOf(operationOf(c) as OperationKind) * 100 + CONSTRAINT_KINDS.indexOf(c.kind)
  const byOperation = merged.filter((c) => c.kind !== 'relation').map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c)
  const relations = merged.filter((c) => c.kind === 'relation').sort((a, b) => a.id.localeCompare(b.id))
  return [...byOperation, ...relations]
}

/** The operation a constraint's ID names (`create`, …), or `relation` for the relations; a scope prefix is skipped. */
export function operationOf(c: Pick<Constraint, 'id'>): OperationKind | 'relation' {
  const [first, second] = c.id.split('.')
  return ((first === 'default' || first === 'service' ? second : first) ?? 'relation') as OperationKind | 'relation'
}

/** The top-level properties of the message schema of a scope, as create returns it. */
function messagePropertiesOf(spec: Spec, scope: Scope): string[] {
  const create = spec.operations.find((o) => o.kind === 'create' && o.scope === scope)
  return (create?.responses.find((r) => r.status.startsWith('2'))?.properties ?? []).map((p) => p.path).filter((p) => !p.includes('.'))
}

/** One constraint per ID across operations and scopes; an ID whose rule differs between the scopes splits by scope. */
export function merge(raw: readonly RawConstraint[]): Constraint[] {
  const groups = new Map<string, RawConstraint[]>()
  for (const r of raw) groups.set(r.id, [...(groups.get(r.id) ?? []), r])
  const out: Constraint[] = []
  for (const [id, members] of groups) {
    const rules = new Set(members.map((m) => `${m.kind} ${m.polarity} ${m.rule}`))
    if (rules.size === 1) out.push(combine(id, members))
    else for (const scope of SCOPES) {
      const inScope = members.filter((m) => m.scope === scope)
      if (inScope.length === 0) continue
      if (new Set(inScope.map((m) => m.rule)).size > 1) throw new Error(`${id}: different rules within the ${scope} scope: ${[...rules].join(' | ')}`)
      out.push(combine(`${scope}.${id}`, inScope))
    }
  }
  return out
}

function combine(id: string, members: readonly RawConstraint[]): Constraint {
  const first = members[0]!
  const sources = new Map(members.flatMap((m) => m.sources).map((s) => [JSON.stringify(s), s]))
  return {
    id,
    kind: first.kind,
    polarity: first.polarity,
    rule: first.rule,
    operations: [...new Set(members.map((m) => m.operationId))],
    scopes: SCOPES.filter((s) => members.some((m) => m.scope === s)),
    sources: [...sources.values()],
  }
}
