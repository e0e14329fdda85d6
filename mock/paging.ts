// Cursor paging over a sorted list: a conversation's messages, or the setup resources (services,
// conversations, participants, users).
//
// A page token is `PT<key>`: the sort key of the first item on the page. For messages the key is the
// index (Twilio's real tokens for messages look the same, e.g. `PageToken=PT15`); for the other
// resources it is the order of creation. A page starts at the first item whose key is >= the token
// (ascending) or <= it (descending). Because it names a position in key space rather than an
// offset, deleting an item between two page requests cannot make the client skip or repeat one.

/** What paging needs of a list: items sorted by a numeric key that only grows and never repeats. */
export interface SortedItems<T> {
  readonly size: number
  /** The item at a sorted position (0 = smallest key). */
  at(position: number): T | undefined
  /** Position of the first item whose key is >= `key` (== size when there is none). */
  lowerBound(key: number): number
  keyOf(item: T): number
}

/** A list already sorted by `keyOf`, e.g. a store's resources in creation order or a lagged view of messages. */
export class SortedArray<T> implements SortedItems<T> {
  constructor(
    private readonly items: readonly T[],
    readonly keyOf: (item: T) => number,
  ) {}

  get size(): number {
    return this.items.length
  }

  at(position: number): T | undefined {
    return this.items[position]
  }

  lowerBound(key: number): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.keyOf(this.items[mid]!) < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

export type Order = 'asc' | 'desc'

export interface ListQuery {
  /** As given (lower-cased), so that page URLs echo it only when the client sent it. */
  order?: Order
  pageSize: number
  page: number
  /** The key (message index, creation order) a page starts from, decoded from `PT<key>`. */
  pageToken?: number
}

export interface PageSlice<T> {
  items: T[]
  /** Key the next page starts at, or null when nothing follows. */
  nextToken: number | null
  /** Key the previous page starts at, or null on a first page or when nothing precedes. */
  previousToken: number | null
}

/** Paging switches: the `opaque-page-tokens` variant, and deliberate mistakes (mock/faults.ts), all off by default. */
export interface PagingFaults {
  opaqueTokens?: boolean
  /** The next page starts `nextShift` positions after the page end: -1 overlaps, +1 skips. */
  nextShift?: number
  noNext?: boolean
  nextOnLast?: boolean
  previousOnFirst?: boolean
  firstIsCurrent?: boolean
  /** previous_page_url is null on every page. */
  previousNever?: boolean
  /** The `page-zero-refused` fault: page URLs leave Page out when it is 0 (the server cannot read Page=0 back). */
  omitPageZero?: boolean
  /** The `page-urls-drop-query` fault: page URLs leave out the Order and PageSize the request sent. */
  dropSentQuery?: boolean
}

export function slicePage<T>(log: SortedItems<T>, q: ListQuery, descending: boolean, faults: PagingFaults = {}): PageSlice<T> {
  const slice = sliceCorrectly(log, q, descending)
  const shift = faults.nextShift ?? 0
  if (shift !== 0 && slice.nextToken !== null) {
    const at = log.lowerBound(slice.nextToken) + (descending ? -shift : shift)
    const item = log.at(at)
    slice.nextToken = item === undefined ? null : log.keyOf(item)
  }
  if (faults.noNext) slice.nextToken = null
  // A key past every item: the page it leads to is empty, and that empty page (rightly) has no next_page_url,
  // so a client that follows it still comes to an end.
  if (faults.nextOnLast && slice.nextToken === null && slice.items.length > 0) slice.nextToken = descending ? 0 : keyAt(log, log.size - 1, 0) + 1_000_000
  return slice
}

function keyAt<T>(log: SortedItems<T>, position: number, otherwise: number): number {
  const item = log.at(position)
  return item === undefined ? otherwise : log.keyOf(item)
}

function sliceCorrectly<T>(log: SortedItems<T>, q: ListQuery, descending: boolean): PageSlice<T> {
  const size = log.size
  const items: T[] = []
  if (!descending) {
    const start = q.pageToken === undefined ? 0 : log.lowerBound(q.pageToken)
    const end = Math.min(size, start + q.pageSize)
    for (let p = start; p < end; p++) items.push(log.at(p)!)
    return {
      items,
      nextToken: end < size ? keyAt(log, end, 0) : null,
      previousToken: q.pageToken !== undefined && start > 0 ? keyAt(log, Math.max(0, start - q.pageSize), 0) : null,
    }
  }
  // Descending: walk the ascending list backwards from the last item with key <= token.
  const start = q.pageToken === undefined ? size - 1 : log.lowerBound(q.pageToken + 1) - 1
  const end = start - q.pageSize // exclusive
  for (let p = start; p > end && p >= 0; p--) items.push(log.at(p)!)
  return {
    items,
    nextToken: end >= 0 ? keyAt(log, end, 0) : null,
    previousToken: q.pageToken !== undefined && start < size - 1 ? keyAt(log, Math.min(size - 1, start + q.pageSize), 0) : null,
  }
}

/** `PT<key>` as Twilio's message tokens look, or (variant) an opaque base64url string a client cannot read. */
export function encodePageToken(key: number, opaque = false): string {
  return opaque ? Buffer.from(JSON.stringify({ after: key, v: 1 })).toString('base64url') : `PT${key}`
}

/** The key a token names, or undefined when the token is not one of ours. */
export function decodePageToken(token: string, opaque = false): number | undefined {
  if (!opaque) {
    const m = /^PT([0-9]{1,15})$/.exec(token)
    return m ? Number(m[1]) : undefined
  }
  try {
    const after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown }).after
    return typeof after === 'number' && Number.isSafeInteger(after) && after >= 0 ? after : undefined
  } catch {
    return undefined
  }
}

/**
 * A page URL with the query in Twilio's order: the list's filters (already encoded), Order (only if
 * given), PageSize, Page, PageToken.
 */
export function pageUrl(
  base: string,
  q: {
    filters?: string | undefined
    order?: string | undefined
    pageSize: number
    page: number
    pageToken?: number | null | undefined
    opaque?: boolean | undefined
    omitPageZero?: boolean | undefined
    dropSentQuery?: boolean | undefined
  },
): string {
  const parts = q.filters ? [q.filters] : []
  if (q.order !== undefined && !q.dropSentQuery) parts.push(`Order=${q.order}`)
  if (!q.dropSentQuery) parts.push(`PageSize=${q.pageSize}`)
  if (!(q.omitPageZero && q.page === 0)) parts.push(`Page=${q.page}`)
  if (q.pageToken !== undefined && q.pageToken !== null) parts.push(`PageToken=${encodeURIComponent(encodePageToken(q.pageToken, q.opaque))}`)
  return parts.length > 0 ? `${base}?${parts.join('&')}` : base
}

export interface PageMeta {
  page: number
  page_size: number
  first_page_url: string
  previous_page_url: string | null
  url: string
  next_page_url: string | null
  key: string
}

/** `filters`: the list's own query parameters (the conversation list's State, StartDate, EndDate), kept in every page URL. */
export function pageMeta(base: string, key: string, q: ListQuery, slice: PageSlice<unknown>, faults: PagingFaults = {}, filters?: string): PageMeta {
  const common = { filters, order: q.order, pageSize: q.pageSize, opaque: faults.opaqueTokens, omitPageZero: faults.omitPageZero, dropSentQuery: faults.dropSentQuery }
  const url = pageUrl(base, { ...common, page: q.page, pageToken: q.pageToken })
  const previous = slice.previousToken === null || faults.previousNever ? null : pageUrl(base, { ...common, page: Math.max(0, q.page - 1), pageToken: slice.previousToken })
  return {
    page: q.page,
    page_size: q.pageSize,
    first_page_url: faults.firstIsCurrent ? url : pageUrl(base, { ...common, page: 0 }),
    previous_page_url: faults.previousOnFirst && previous === null ? url : previous,
    url,
    next_page_url: slice.nextToken === null ? null : pageUrl(base, { ...common, page: q.page + 1, pageToken: slice.nextToken }),
    key,
  }
}
