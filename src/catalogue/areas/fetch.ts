import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req } from './define.ts'

export const FETCH: readonly Requirement[] = [
  // Fetch
  req('msg.fetch.returns-created', 'must', 'docs', DOC.fetch, 'Fetch answers 200 with the same representation that create returned'),
  req('msg.fetch.unknown-sid', 'must', 'docs', DOC.fetch,
    'Fetching a well-formed IM SID in lower-case hex (as Twilio issues SIDs) that names no message answers 404 with a Twilio error'),
  req('msg.fetch.malformed-sid', 'must', 'openapi', DOC.fetch,
    'Fetching a SID that does not match ^IM[0-9a-fA-F]{32}$ answers 404 (or 400) with a Twilio error, never 2xx or 5xx'),
  req('msg.fetch.other-conversation', 'must', 'docs', DOC.fetch,
    "A message fetched through another conversation's path answers 404 with a Twilio error"),
  req('msg.fetch.unknown-conversation', 'must', 'docs', DOC.fetch,
    'Messages of a conversation that does not exist (a well-formed CH SID in lower-case hex that names none) answer 404 with a Twilio error, for fetch and list'),
]
