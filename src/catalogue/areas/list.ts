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
  req('msg.list.meta-every-page', 'must', 'docs', DOC.paging,
    'On every page reached through next_page_url, not only the first: meta.key is "messages", meta.page_size the PageSize asked for, meta.page the page number (0, 1, 2, …), url and first_page_url address this list, first_page_url is the same on every page, previous_page_url is null on the first page and a URL on every later one, and next_page_url is null only on the last'),
  req('msg.list.page-url-origin', 'should', 'docs', DOC.paging,
    "Every page URL (url, first_page_url, next_page_url, previous_page_url) is on the target's own origin or on https://conversations.twilio.com"),
  req('msg.list.order-invalid', 'must', 'openapi', DOC.list,
    'An Order other than asc or desc (any casing) is refused as a validation error or ignored (ascending order); never descending order, never a 5xx'),
  req('msg.list.page-size-invalid', 'must', 'openapi', DOC.list,
    'A PageSize that is not a positive integer (abc, 1.5, -1, empty) is refused as a validation error or ignored (meta.page_size 50; -1 may also be clamped to 1); never a 5xx'),
  req('msg.list.page-invalid', 'must', 'openapi', DOC.list,
    'A Page below 0 or not an integer is refused as a validation error or ignored (the first page, meta.page 0); never a 5xx'),
  req('msg.list.page-token-invalid', 'must', 'docs', DOC.list,
    'A PageToken the API did not provide is refused as a validation error (Twilio error 21481 "Invalid PageToken"), never answered with a page'),
]
