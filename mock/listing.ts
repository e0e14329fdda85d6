// The list operations of the setup resources (services, conversations, participants, users): one
// Twilio page, `{ <key>: [...], meta: {...} }`, with the same PageSize/Page/PageToken rules and
// `PT<key>` cursor as the message list. The message faults do not apply here: they break the Message
// API, while these lists are what a conformance run cleans up and counts with. The paging variants
// (opaque tokens, PageSize clamping, Twilio's origin in URLs) do apply, since a client must cope with them.
import { pageMeta, slicePage, type SortedItems } from './paging.ts'
import type { App, Reply, Request } from './router.ts'
import { readListQuery } from './validation.ts'

export interface ListSpec<T> {
  /** The list's path without the query, e.g. `/v1/Services`. */
  path: string
  /** The property holding the items, also echoed as `meta.key`: `services`, `conversations`, ... */
  key: string
  items: SortedItems<T>
  render(item: T): unknown
  /** Newest first (the conversation list's order when filtered by date). */
  descending?: boolean
  /** Filters to repeat in every page URL, already encoded (`State=active`). */
  filters?: string
}

export function listReply<T>(req: Request, app: App, spec: ListSpec<T>): Reply {
  const opaqueTokens = app.variants.on('opaque-page-tokens')
  const query = readListQuery(req.query(), { opaqueTokens, clampPageSize: app.variants.on('page-size-clamp') })
  const slice = slicePage(spec.items, query, spec.descending ?? false)
  const meta = pageMeta(app.render.origin + spec.path, spec.key, query, slice, { opaqueTokens }, spec.filters)
  return { status: 200, body: { [spec.key]: slice.items.map((item) => spec.render(item)), meta } }
}
