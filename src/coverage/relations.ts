/**
 * Relations between fields and between operations, each re-stated after every operation that can change it. Most are
 * generated: from the words of the property descriptions (prose.ts), from the `x-twilio.dependentProperties` the
 * links are built from, and from the difference between the message and the update form (what update may not change).
 * The rest (what create, update and delete do to fetch and list, the two URL scopes, paging) are listed below, each
 * citing the spec's or the doc's words. IDs: `relation.<subject>.<relation>[.after-create|.after-update]`.
 */
import { DOC } from '../catalogue/links.ts'
import { propertyOfField } from './facets.ts'
import { child } from './pointer.ts'
import { DOC_SECTIONS, proseSource, readParameterProse, readPropertyProse, type PropertyProse } from './prose.ts'
import type { SpecOperation, SpecProperty } from './spec.ts'
import type { OperationKind, RawConstraint, Source } from './types.ts'

/** Changes by itself as the message is delivered to other channels, so update neither sets it nor keeps it. */
const SERVER_STATE = ['delivery']

export function relationConstraints(op: SpecOperation, messageProperties: readonly string[]): RawConstraint[] {
  return [...proseRelations(op), ...linkRelations(op), ...updateKeeps(op, messageProperties), ...contentSidIgnores(op), ...listedRelations(op)]
}

const relation = (op: SpecOperation, id: string, rule: string, sources: Source[]): RawConstraint => ({ id: `relation.${id}`, kind: 'relation', polarity: 'positive', rule, operationId: op.operationId, scope: op.scope, sources })

/** The message properties a response of this operation shows (a list shows them on each item). */
function shownProperties(op: SpecOperation): SpecProperty[] {
  const body = op.responses.find((r) => r.status.startsWith('2'))?.properties ?? []
  const items = body.filter((p) => p.path.startsWith('messages[].')).map((p) => ({ ...p, path: p.path.slice('messages[].'.length) }))
  return items.length > 0 ? items : body.filter((p) => !p.path.includes('.'))
}

/** Relations the property descriptions state; those that depend on a field update can change are stated after create and after update. */
function proseRelations(op: SpecOperation): RawConstraint[] {
  const out: RawConstraint[] = []
  for (const p of shownProperties(op)) {
    const prose: PropertyProse = readPropertyProse(p.schema.description ?? '')
    const said = (f: { quote: string }): Source => proseSource(op.scope, DOC_SECTIONS.properties, child(p.pointer, 'description'), f.quote)
    const afterCreate = op.kind === 'create'
    const afterUpdate = op.kind === 'update'
    const shows = op.kind !== 'delete'
    if (prose.nullForSystem) {
      if (afterCreate) out.push(relation(op, `${p.path}.null-for-system.after-create`, `a message created without Author (sent as system) has ${p.path} null`, [said(prose.nullForSystem)]))
      if (afterUpdate) out.push(relation(op, `${p.path}.null-for-system.after-update`, `after an update that makes system the Author, ${p.path} is null`, [said(prose.nullForSystem)]))
    }
    if (prose.fromAuthorParticipant) {
      if (afterCreate) out.push(relation(op, `${p.path}.from-author.after-create`, `a message created with the identity of a participant as Author has that participant's SID as ${p.path}`, [said(prose.fromAuthorParticipant)]))
      if (afterUpdate) out.push(relation(op, `${p.path}.from-author.after-update`, `after an update that sets Author to the identity of a participant, ${p.path} is that participant's SID`, [said(prose.fromAuthorParticipant)]))
    }
    if (prose.nullUntilEdited) {
      if (shows && !afterUpdate) out.push(relation(op, `${p.path}.null-until-edited`, `a message never edited has ${p.path} null`, [said(prose.nullUntilEdited)]))
      if (afterUpdate) out.push(relation(op, `${p.path}.set-after-update`, `after an update ${p.path} is a date, not earlier than date_created nor than before the update`, [said(prose.nullUntilEdited)]))
    }
    if (prose.nullWithoutMedia && shows) out.push(relation(op, `${p.path}.null-without-media`, `a message without media has ${p.path} null`, [said(prose.nullWithoutMedia)]))
    if (prose.orderOfReceipt && (afterCreate || op.kind === 'list')) out.push(relation(op, `${p.path}.order-of-receipt`, `${p.path} strictly increases in the order messages are received (gaps allowed), also for concurrent creates and after a delete`, [said(prose.orderOfReceipt)]))
    if (prose.selfUrl && shows) out.push(relation(op, `${p.path}.self`, `${p.path} is the message's own absolute URL (…/Conversations/{conversation_sid}/Messages/{sid}); fetching it returns the message`, [said(prose.selfUrl)]))
    if (prose.responsibleAccount && shows) out.push(relation(op, `${p.path}.from-credentials`, `${p.path} is the account whose credentials made the request`, [said(prose.responsibleAccount)]))
    if (prose.conversationOfMessage && shows) out.push(relation(op, `${p.path}.from-path`, `${p.path} is the conversation named in the request path`, [said(prose.conversationOfMessage)]))
    if (prose.serviceOfResource && shows) out.push(relation(op, `${p.path}.from-path`, `${p.path} is the service named in the request path`, [said(prose.serviceOfResource)]))
  }
  return out
}

/** `links.<name>` is the message url plus the last segment of the resource URL `x-twilio.dependentProperties` gives it. */
function linkRelations(op: SpecOperation): RawConstraint[] {
  if (op.kind === 'delete') return []
  return op.dependentProperties.map((d) => {
    const suffix = d.resourceUrl.slice(d.resourceUrl.indexOf('{message_sid}') + '{message_sid}'.length)
    return relation(op, `links.${d.name}.from-url`, `links.${d.name} is the message's url + ${suffix}`, [{ kind: 'openapi', pointer: child(d.pointer, 'resource_url'), quote: d.resourceUrl }])
  })
}

/**
 * What update may not change: every message property that no update form field sets, apart from those that follow a
 * field update does set (participant_sid follows Author) and the server's own delivery state.
 */
function updateKeeps(op: SpecOperation, messageProperties: readonly string[]): RawConstraint[] {
  if (op.kind !== 'update') return []
  const form = op.parameters.filter((p) => p.in === 'form')
  const set = new Set(form.map((f) => propertyOfField(f.name, messageProperties)).filter((p): p is string => p !== undefined))
  const follows = shownProperties(op).filter((p) => readPropertyProse(p.schema.description ?? '').fromAuthorParticipant).map((p) => p.path)
  const formPointer = op.requestContentTypes[0] ? child(op.requestContentTypes[0].pointer, 'schema', 'properties') : op.pointer
  return messageProperties
    .filter((p) => !set.has(p) && !follows.includes(p) && !SERVER_STATE.includes(p))
    .map((p) => relation(op, `update.keeps.${p}`, `an update leaves ${p} as it was: none of the update's fields (${form.map((f) => f.name).join(', ')}) sets it`, [{ kind: 'openapi', pointer: formPointer }]))
}

/** "if this field is set, `Body` and `MediaSid` parameters are ignored": one relation per field it overrides. */
function contentSidIgnores(op: SpecOperation): RawConstraint[] {
  return op.parameters.flatMap((p) => {
    const ignores = readParameterProse(p.description).ignores
    if (!ignores) return []
    return ignores.value.map((ignored) =>
      relation(op, `${p.name}.ignores.${ignored}`, `with ${p.name} set, ${ignored} is ignored: the message does not show the ${ignored} sent`, [proseSource(op.scope, DOC_SECTIONS[op.kind], child(p.pointer, 'description'), ignores.quote)]),
    )
  })
}

interface Listed {
  id: string
  rule: string
  /** The operations it is about, the one that acts first: it applies to each, in each scope, and cites the first one's words. */
  on: readonly OperationKind[]
  scopes?: readonly ('default' | 'service')[]
  sources: (op: SpecOperation) => Source[]
}

const summaryOf = (op: SpecOperation): Source => ({ kind: 'openapi', pointer: child(op.pointer, 'summary'), quote: op.summary })
const deleted = (op: SpecOperation): Source[] => op.responses.map((r) => ({ kind: 'openapi', pointer: child(r.pointer, 'description'), quote: r.description }))
const conversationParameter = (op: SpecOperation): Source[] =>
  op.parameters.filter((p) => p.name === 'ConversationSid').map((p) => ({ kind: 'openapi', pointer: child(p.pointer, 'description'), quote: p.description.replace(/^.*\)\s*/, '') }))
const metaProperty = (name: string) => (op: SpecOperation): Source[] => {
  const prop = op.responses.flatMap((r) => r.properties).find((p) => p.path === `meta.${name}`)
  return [...(prop ? [{ kind: 'openapi' as const, pointer: prop.pointer }] : []), { kind: 'twilio-page', url: DOC.paging, about: 'what the page meta means' }]
}
const shortenedUrl = (quote: string) => (): Source[] => [{ kind: 'doc', section: DOC_SECTIONS.scopes, quote }]

/** Relations between operations, and the meaning of the list meta, which no field description states. */
const LISTED: readonly Listed[] = [
  { id: 'create.shown-by-fetch', on: ['create', 'fetch'], rule: 'a message just created is fetched as create returned it', sources: (op) => [summaryOf(op)] },
  { id: 'create.shown-by-list', on: ['create', 'list'], rule: 'a message just created is listed as create returned it', sources: (op) => [summaryOf(op)] },
  { id: 'update.shown-by-fetch', on: ['update', 'fetch'], rule: 'after an update a fetch shows the message as changed', sources: (op) => [summaryOf(op)] },
  { id: 'update.shown-by-list', on: ['update', 'list'], rule: 'after an update the list shows the message as changed', sources: (op) => [summaryOf(op)] },
  { id: 'delete.gone-from-fetch', on: ['delete', 'fetch'], rule: 'after a delete, fetching the message answers 404', sources: deleted },
  { id: 'delete.gone-from-list', on: ['delete', 'list'], rule: 'after a delete, the message is no longer listed', sources: deleted },
  { id: 'delete.gone-from-update', on: ['delete', 'update'], rule: 'after a delete, updating the message answers 404', sources: deleted },
  { id: 'delete.gone-from-delete', on: ['delete'], rule: 'after a delete, deleting the message again answers 404', sources: deleted },
  { id: 'list.only-this-conversation', on: ['list'], rule: 'a list shows the messages of the conversation in the path and no other', sources: (op) => [summaryOf(op), ...conversationParameter(op)] },
  { id: 'fetch.only-this-conversation', on: ['fetch'], rule: "a message fetched through another conversation's path answers 404", sources: conversationParameter },
  { id: 'scopes.same-messages', on: ['list', 'fetch'], rule: 'the default and the service-scoped routes show the same messages for a conversation of the default service', sources: shortenedUrl('If you are only using one Conversation Service (the default), you do not need to include the Conversation Service SID in your URL') },
  { id: 'scopes.conversation-in-service', on: ['create', 'list', 'fetch'], scopes: ['service'], rule: 'a conversation addressed through a service it does not belong to answers 404 and nothing is created', sources: shortenedUrl('For Conversations applications that build on more than one Conversation Service instance, you will need to specify the Conversation Service SID in the REST API call') },
  { id: 'meta.key.names-array', on: ['list'], rule: 'meta.key is "messages", the name of the array that holds the page', sources: metaProperty('key') },
  { id: 'meta.url.this-page', on: ['list'], rule: 'meta.url (and first_page_url) address this list', sources: metaProperty('url') },
  { id: 'meta.page.zero-on-first', on: ['list'], rule: 'meta.page is 0 on the first page', sources: metaProperty('page') },
  { id: 'meta.page.counts-up', on: ['list'], rule: 'meta.page counts up by one on each page reached through next_page_url', sources: metaProperty('page') },
  { id: 'meta.page_size.echoes-PageSize', on: ['list'], rule: 'meta.page_size is the PageSize in effect, and a page holds at most that many messages', sources: metaProperty('page_size') },
  { id: 'meta.first_page_url.leads-to-first', on: ['list'], rule: 'first_page_url, on any page, leads back to the first page', sources: metaProperty('first_page_url') },
  { id: 'meta.previous_page_url.null-on-first', on: ['list'], rule: 'previous_page_url is null on the first page', sources: metaProperty('previous_page_url') },
  { id: 'meta.previous_page_url.leads-to-previous', on: ['list'], rule: 'previous_page_url, on a later page, leads to the page before it', sources: metaProperty('previous_page_url') },
  { id: 'meta.next_page_url.null-on-last', on: ['list'], rule: 'next_page_url is null on the last page', sources: metaProperty('next_page_url') },
  { id: 'meta.next_page_url.partition', on: ['list'], rule: 'following next_page_url from the first page yields every message exactly once, in order', sources: metaProperty('next_page_url') },
]

function listedRelations(op: SpecOperation): RawConstraint[] {
  return LISTED.filter((l) => l.on.includes(op.kind) && (l.scopes ?? ['default', 'service']).includes(op.scope)).map((l) => relation(op, l.id, l.rule, op.kind === l.on[0] ? l.sources(op) : []))
}
