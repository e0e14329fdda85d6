// Cursor paging over a conversation's messages.
//
// A page token is `PT<index>`: the index of the first message on the page (Twilio's real tokens
// for messages look the same, e.g. `PageToken=PT15`). A page starts at the first message whose
// index is >= the token (ascending) or <= it (descending). Because it names a position in index
// space rather than an offset, deleting a message between two page requests cannot make the
// client skip or repeat one.
import type { Message, MessageLog } from './store.ts'

export type Order = 'asc' | 'desc'

export interface ListQuery {
  /** As given (lower-cased), so that page URLs echo it only when the client sent it. */
  order?: Order
  pageSize: number
  page: number
  /** The message index a page starts from, decoded from `PT<index>`. */
  pageToken?: number
}

export interface PageSlice {
  items: Message[]
  /** Index the next page starts at, or null when nothing follows. */
  nextToken: number | null
  /** Index the previous page starts at, or null on a first page or when nothing precedes. */
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
}

export function slicePage(log: MessageLog, q: ListQuery, descending: boolean, faults: PagingFaults = {}): PageSlice {
  const slice = sliceCorrectly(log, q, descending)
  const shift = faults.nextShift ?? 0
  if (shift !== 0 && slice.nextToken !== null) {
    const at = log.lowerBound(slice.nextToken) + (descending ? -shift : shift)
    slice.nextToken = log.at(at)?.index ?? null
  }
  if (faults.noNext) slice.nextToken = null
  // An index past every message: the page it leads to is empty.
  if (faults.nextOnLast && slice.nextToken === null) slice.nextToken = descending ? 0 : (log.at(log.size - 1)?.index ?? 0) + 1_000_000
  return slice
}

function sliceCorrectly(log: MessageLog, q: ListQuery, descending: boolean): PageSlice {
  const size = log.size
  const items: Message[] = []
  if (!descending) {
    const start = q.pageToken === undefined ? 0 : log.lowerBound(q.pageToken)
    const end = Math.min(size, start + q.pageSize)
    for (let p = start; p < end; p++) items.push(log.at(p)!)
    return {
      items,
      nextToken: end < size ? log.at(end)!.index : null,
      previousToken: q.pageToken !== undefined && start > 0 ? log.at(Math.max(0, start - q.pageSize))!.index : null,
    }
  }
  // Descending: walk the ascending log backwards from the last message with index <= token.
  const start = q.pageToken === undefined ? size - 1 : log.lowerBound(q.pageToken + 1) - 1
  const end = start - q.pageSize // exclusive
  for (let p = start; p > end && p >= 0; p--) items.push(log.at(p)!)
  return {
    items,
    nextToken: end >= 0 ? log.at(end)!.index : null,
    previousToken: q.pageToken !== undefined && start < size - 1 ? log.at(Math.min(size - 1, start + q.pageSize))!.index : null,
  }
}

/** A page URL with the query in Twilio's order: Order (only if given), PageSize, Page, PageToken. */
/** `PT<index>` as Twilio's message tokens look, or (variant) an opaque base64url string a client cannot read. */
export function encodePageToken(index: number, opaque = false): string {
  return opaque ? Buffer.from(JSON.stringify({ after: index, v: 1 })).toString('base64url') : `PT${index}`
}

/** The index a token names, or undefined when the token is not one of ours. */
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

export function pageUrl(base: string, q: { order?: string | undefined; pageSize: number; page: number; pageToken?: number | null | undefined; opaque?: boolean | undefined }): string {
  let query = ''
  if (q.order !== undefined) query += `Order=${q.order}&`
  query += `PageSize=${q.pageSize}&Page=${q.page}`
  if (q.pageToken !== undefined && q.pageToken !== null) query += `&PageToken=${encodeURIComponent(encodePageToken(q.pageToken, q.opaque))}`
  return `${base}?${query}`
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

export function pageMeta(base: string, key: string, q: ListQuery, slice: PageSlice, faults: PagingFaults = {}): PageMeta {
  const common = { order: q.order, pageSize: q.pageSize, opaque: faults.opaqueTokens }
  const url = pageUrl(base, { ...common, page: q.page, pageToken: q.pageToken })
  const previous = slice.previousToken === null ? null : pageUrl(base, { ...common, page: Math.max(0, q.page - 1), pageToken: slice.previousToken })
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
