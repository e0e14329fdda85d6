import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req } from './define.ts'

export const LIST: readonly Requirement[] = [
  // List
  req('msg.list.contains-created', 'must', 'docs', DOC.list, 'List answers 200 with a page whose messages include a message just created'),
  req('msg.list.default-order', 'must', 'openapi', DOC.list, 'Without Order, messages are listed in ascending index order'),
  req('msg.list.order-desc', 'must', 'openapi', DOC.list, 'Order=desc lists messages in descending index order'),
  req('msg.list.order-case-insensitive', 'must', 'openapi', DOC.list,
    'Order is matched case-insensitively: any casing of asc and desc gives the same order'),
  req('msg.list.page-size', 'must', 'openapi', DOC.list,
    'PageSize n (1 to 100) gives pages of at most n messages (exactly n while more follow) and meta.page_size n'),
  req('msg.list.page-size-default', 'must', 'openapi', DOC.list, 'Without PageSize, meta.page_size is 50'),
  req('msg.list.page-size-out-of-range', 'must', 'openapi', DOC.list,
    'PageSize 0 or over 100 is rejected with a 4xx Twilio error or clamped into 1 to 100; a page never holds more than 100 messages'),
  req('msg.list.meta', 'must', 'docs', DOC.list,
    'meta carries page, page_size, first_page_url, previous_page_url, url, next_page_url and key "messages"'),
  req('msg.list.first-page-previous-null', 'must', 'docs', DOC.paging, 'previous_page_url is null on the first page'),
  req('msg.list.last-page-next-null', 'must', 'docs', DOC.paging, 'next_page_url is null on the last page'),
  req('msg.list.first-page-url', 'must', 'docs', DOC.paging, 'first_page_url leads back to the first page'),
  req('msg.list.paging-partition', 'must', 'docs', DOC.paging,
    'For any PageSize, following next_page_url yields every message exactly once, in order'),
  req('msg.list.index-increasing', 'must', 'docs', DOC.properties,
    'index strictly increases in order of receipt (gaps are allowed), also for messages created concurrently'),
  req('msg.list.isolation', 'must', 'docs', DOC.list, 'Messages of other conversations never appear in a list'),
]
