// Cursor paging over a conversation's messages.
//
// A page token is `PT<index>`: the index of the first message on the page (Twilio's real tokens
// for messages look the same, e.g. `PageToken=PT15`). A page starts at the first message whose
// index is >= the token (ascending) or <= it (descending). Because it names a position in index
// space rather than an offset, deleting a message between two page requests cannot make the
// client skip or repeat one.
import type { Message, MessageLog } from './store.ts'
import type { ListQuery } from './validation.ts'

export interface PageSlice {
  items: Message[]
  /** Index the next page starts at, or null when nothing follows. */
  nextToken: number | null
  /** Index the previous page starts at, or null on a first page or when nothing precedes. */
  previousToken: number | null
}

export function slicePage(log: MessageLog, q: ListQuery, descending: boolean): PageSlice {
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
export function pageUrl(base: string, q: { order?: string | undefined; pageSize: number; page: number; pageToken?: number | null | undefined }): string {
  let query = ''
  if (q.order !== undefined) query += `Order=${q.order}&`
  query += `PageSize=${q.pageSize}&Page=${q.page}`
  if (q.pageToken !== undefined && q.pageToken !== null) query += `&PageToken=PT${q.pageToken}`
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

export function pageMeta(base: string, key: string, q: ListQuery, slice: PageSlice): PageMeta {
  const common = { order: q.order, pageSize: q.pageSize }
  return {
    page: q.page,
    page_size: q.pageSize,
    first_page_url: pageUrl(base, { ...common, page: 0 }),
    previous_page_url: slice.previousToken === null ? null : pageUrl(base, { ...common, page: Math.max(0, q.page - 1), pageToken: slice.previousToken }),
    url: pageUrl(base, { ...common, page: q.page, pageToken: q.pageToken }),
    next_page_url: slice.nextToken === null ? null : pageUrl(base, { ...common, page: q.page + 1, pageToken: slice.nextToken }),
    key,
  }
}
