// Client input → typed values, or a 400 (code 20001) whose message names the parameter.
// The rules are the doc's: field patterns and lengths from the request schemas, JSON-ness of
// Attributes/ContentVariables from their descriptions, Order/PageSize/Page from the list parameters.
import { decodePageToken, type ListQuery } from './paging.ts'
import { ApiError, invalidParameter } from './errors.ts'
import type { FaultName, Faults } from './faults.ts'
import type { Params } from './form.ts'
import { isSid } from './sids.ts'
import { parseDateTime } from './time.ts'

/** The doc says "up to 1,600 characters"; we count Unicode code points, so an emoji is one character. */
export const BODY_MAX_CHARACTERS = 1600
/**
 * The `chat-body-limit` condition: the Conversations limits page gives chat messages "32KB". We read it
 * as 32,768 UTF-16 code units (a JavaScript or Java string length), the most generous reading.
 */
export const CHAT_BODY_MAX_CODE_UNITS = 32 * 1024
export const SUBJECT_MAX_CHARACTERS = 256
/** The `attributes-limit` condition: the limits page gives message Attributes "4KB", read as 4,096 UTF-8 bytes. */
export const ATTRIBUTES_MAX_BYTES = 4 * 1024
/** The `attributes-limit-1024` fault: a VARCHAR(1024) column. */
const ATTRIBUTES_FAULTY_MAX_BYTES = 1024
export const PAGE_SIZE_DEFAULT = 50
export const PAGE_SIZE_MIN = 1
export const PAGE_SIZE_MAX = 100

const codePoints = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function maxCharacters(name: string, value: string, max: number, count: (s: string) => number = codePoints): string {
  if (count(value) > max) throw invalidParameter(`${name} must be at most ${max} characters`)
  return value
}

export function jsonText(name: string, value: string): string {
  try {
    JSON.parse(value)
  } catch {
    throw invalidParameter(`${name} must be a string containing valid JSON`)
  }
  return value
}

function dateTime(name: string, value: string): number {
  const seconds = parseDateTime(value)
  if (seconds === null) throw invalidParameter(`${name} must be an RFC 3339 date-time with a time zone, e.g. 2015-12-16T22:18:37Z`)
  return seconds
}

function sid(name: string, value: string, prefix: 'ME' | 'HX' | 'RL'): string {
  if (!isSid(prefix, value)) throw invalidParameter(`${name} must match ^${prefix}[0-9a-fA-F]{32}$`)
  return value
}

/** `X-Twilio-Webhook-Enabled` is an enum of "true"/"false"; like Twilio's other enums we match it case-insensitively. */
export function checkWebhookHeader(value: string | undefined): void {
  if (value === undefined) return
  const v = value.toLowerCase()
  if (v !== 'true' && v !== 'false') throw invalidParameter('X-Twilio-Webhook-Enabled must be true or false')
}

/** Fields common to create and update; absent means "not given" (update leaves it unchanged). */
export interface MessageEdit {
  author?: string
  body?: string
  dateCreated?: number
  dateUpdated?: number
  attributes?: string
  subject?: string
}

export interface MessageCreate extends MessageEdit {
  mediaSid?: string
  contentSid?: string
  contentVariables?: string
}

/** What an update may carry: the common fields, and the create-only SIDs only under the faults that take them. */
export interface MessageUpdate extends MessageEdit {
  mediaSid?: string
  contentSid?: string
}

export interface BodyRules {
  /** False only under the `body-limit-ignored` fault. */
  enforceBodyLimit: boolean
  /** The `chat-body-limit` condition: Twilio's chat limit and its code 50504 instead of the doc's 1,600 characters. */
  chatBodyLimit?: boolean
  /** The `body-limit-utf16` variant: the 1,600 characters are UTF-16 code units (an emoji counts two). */
  utf16Characters?: boolean
  /** The `attributes-limit` condition: Attributes over 4KB get 400/50303. */
  attributesLimit?: boolean
  /** The server's fault switches, for the deliberate validation mistakes of mock/faults.ts. */
  faults?: Faults
  /** The `attributes-objects-only` variant: Attributes must hold a JSON object (the Attributes page); null reads as not set. */
  objectAttributes?: boolean
  /** The `empty-attributes-reset` variant: an update's empty Attributes resets attributes to the default "{}". */
  emptyAttributesReset?: boolean
  /** The `dates-upper-case-only` variant: a date written with a lower-case t or z is refused, as an ISO 8601 parser does. */
  upperCaseDates?: boolean
}

const faultOn = (rules: BodyRules, name: FaultName): boolean => rules.faults?.on(name) === true

function chatBody(value: string): string {
  if (value.length > CHAT_BODY_MAX_CODE_UNITS) throw new ApiError(400, 50504, 'Message body parameter is too long')
  return value
}

type Operation = 'create' | 'update'

function limitedBody(body: string, rules: BodyRules, op: Operation): string {
  if (!rules.enforceBodyLimit) return body
  if (rules.chatBodyLimit) return chatBody(body)
  const offByOne = faultOn(rules, 'body-limit-off-by-one') || (op === 'update' && faultOn(rules, 'update-body-limit-off-by-one'))
  const bodyMax = offByOne ? BODY_MAX_CHARACTERS - 1 : BODY_MAX_CHARACTERS
  return maxCharacters('Body', body, bodyMax, faultOn(rules, 'body-limit-bytes') ? utf8Bytes : rules.utf16Characters ? (s) => s.length : codePoints)
}

/** Attributes within the size limit in force: none by the Message page, 4KB by the limits page (a condition). */
function limitedAttributes(value: string, rules: BodyRules): string {
  const max = faultOn(rules, 'attributes-limit-1024') ? ATTRIBUTES_FAULTY_MAX_BYTES : rules.attributesLimit ? ATTRIBUTES_MAX_BYTES : Infinity
  if (utf8Bytes(value) > max) throw new ApiError(400, 50303, 'Message attributes parameter is too long')
  return value
}

/** The `attributes-objects-only` variant: "the field value is a JSON object" (the Attributes page), null being "not set". */
function objectAttributes(text: string): string {
  const value: unknown = JSON.parse(text)
  if (value === null) return '{}'
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParameter('Attributes must be a JSON object')
  return text
}

/**
 * A date as the server reads it: the `dates-upper-case-only` variant refuses lower-case t and z; the date faults drop
 * its offset (read as UTC) or refuse a fraction.
 */
function datesFaulted(value: string | undefined, rules: BodyRules): string | undefined {
  if (value === undefined) return value
  if (rules.upperCaseDates && /^[0-9]{4}-[0-9]{2}-[0-9]{2}t|z$/.test(value)) throw invalidParameter('dates must be written with an upper-case T and Z')
  if (faultOn(rules, 'date-fraction-refused') && /[.][0-9]+([Zz]|[+-][0-9]{2}:[0-9]{2})$/.test(value)) throw invalidParameter('dates must be given in whole seconds')
  if (faultOn(rules, 'date-offset-as-utc')) return value.replace(/[+-][0-9]{2}:[0-9]{2}$/, 'Z')
  return value
}

function readEdit(form: Params, rules: BodyRules, op: Operation, skipBody = false): MessageEdit {
  const edit: MessageEdit = {}
  const author = form.get('Author')
  if (author !== undefined) edit.author = author
  const body = skipBody ? undefined : form.get('Body')
  if (body !== undefined) edit.body = limitedBody(body, rules, op)
  const lenientDates = faultOn(rules, 'date-invalid-ignored') || (op === 'update' && faultOn(rules, 'update-date-invalid-ignored'))
  // empty-dates-epoch: an empty date is read as Number('') = 0, the epoch.
  const emptyIsEpoch = faultOn(rules, 'empty-dates-epoch')
  const dateCreated = datesFaulted(form.get('DateCreated'), rules)
  if (dateCreated === '' && emptyIsEpoch) edit.dateCreated = 0
  else if (dateCreated !== undefined && !(lenientDates && parseDateTime(dateCreated) === null)) edit.dateCreated = dateTime('DateCreated', dateCreated)
  const dateUpdated = datesFaulted(form.get('DateUpdated'), rules)
  const lenientDateUpdated = lenientDates || (op === 'create' && faultOn(rules, 'date-updated-unvalidated'))
  if (dateUpdated === '' && emptyIsEpoch) edit.dateUpdated = 0
  else if (dateUpdated !== undefined && !(lenientDateUpdated && parseDateTime(dateUpdated) === null)) edit.dateUpdated = dateTime('DateUpdated', dateUpdated)
  const attributes = form.get('Attributes')
  // empty-attributes-stored: the JSON check is skipped for an empty string (a falsy test), so "" is stored.
  if (attributes === '' && faultOn(rules, 'empty-attributes-stored')) edit.attributes = ''
  else if (attributes === '' && op === 'update' && rules.emptyAttributesReset) edit.attributes = '{}'
  else if (attributes !== undefined && rules.objectAttributes && !faultOn(rules, 'attributes-unvalidated')) edit.attributes = limitedAttributes(objectAttributes(jsonText('Attributes', attributes)), rules)
  else if (attributes !== undefined) edit.attributes = limitedAttributes(faultOn(rules, 'attributes-unvalidated') ? attributes : jsonText('Attributes', attributes), rules)
  const subject = form.get('Subject')
  const subjectUnlimited = faultOn(rules, 'subject-limit-ignored') || (op === 'update' && faultOn(rules, 'update-subject-limit-ignored'))
  const subjectMax = faultOn(rules, 'subject-limit-255') ? SUBJECT_MAX_CHARACTERS - 1 : subjectUnlimited ? Infinity : SUBJECT_MAX_CHARACTERS
  if (subject !== undefined) edit.subject = maxCharacters('Subject', subject, subjectMax)
  return edit
}

export function readCreateParams(form: Params, rules: BodyRules): MessageCreate {
  const contentSidText = form.get('ContentSid')
  const contentSid = contentSidText === undefined || faultOn(rules, 'content-sid-unvalidated') ? contentSidText : sid('ContentSid', contentSidText, 'HX')
  // The doc: "if [ContentSid] is set, Body and MediaSid parameters are ignored", so they are not
  // validated either: an ignored parameter cannot make the request fail.
  const templated = contentSid !== undefined
  const ignoreBody = templated && !faultOn(rules, 'content-sid-keeps-body')
  const create: MessageCreate = readEdit(form, rules, 'create', ignoreBody)
  if (templated) create.contentSid = contentSid
  const mediaSid = ignoreBody ? undefined : form.get('MediaSid')
  if (mediaSid !== undefined) create.mediaSid = faultOn(rules, 'media-sid-unvalidated') ? mediaSid : sid('MediaSid', mediaSid, 'ME')
  const contentVariables = form.get('ContentVariables')
  if (contentVariables !== undefined) create.contentVariables = faultOn(rules, 'content-variables-unvalidated') ? contentVariables : jsonText('ContentVariables', contentVariables)
  // A message must carry something. An empty Body carries nothing, so it does not count. (Under the
  // `media-without-body-refused` fault media does not count either.)
  const hasMedia = create.mediaSid !== undefined && !faultOn(rules, 'media-without-body-refused')
  if (!create.body && !hasMedia && create.contentSid === undefined && !faultOn(rules, 'no-content-accepted')) {
    throw invalidParameter('Body, MediaSid or ContentSid is required')
  }
  return create
}

/**
 * Update accepts only the common fields; MediaSid, ContentSid and ContentVariables are create-only and ignored here
 * (the `update-applies-media-sid` and `update-applies-content-sid` faults take them).
 */
export function readUpdateParams(form: Params, rules: BodyRules): MessageUpdate {
  const update: MessageUpdate = readEdit(form, rules, 'update')
  const mediaSid = form.get('MediaSid')
  if (mediaSid !== undefined && faultOn(rules, 'update-applies-media-sid')) update.mediaSid = sid('MediaSid', mediaSid, 'ME')
  const contentSid = form.get('ContentSid')
  if (contentSid !== undefined && faultOn(rules, 'update-applies-content-sid')) update.contentSid = sid('ContentSid', contentSid, 'HX')
  return update
}

const DIGITS = /^[0-9]{1,16}$/

export interface ListRules {
  /** The `opaque-page-tokens` variant. */
  opaqueTokens?: boolean
  /** True under the `page-size-clamp` variant: an integer out of range is clamped, not rejected. */
  clampPageSize: boolean
  /** Faults: the deliberate list mistakes of mock/faults.ts. */
  orderCaseSensitive?: boolean
  ignorePageSize?: boolean
  defaultPageSize?: number
  maxPageSize?: number
  /** The `order-invalid-descending` fault: any Order but asc lists newest first. */
  orderInvalidDescending?: boolean
  /** The `page-size-parse-int` fault: PageSize read with parseInt, NaN meaning the default. */
  pageSizeParseInt?: boolean
  /** The `page-unvalidated` fault: Page taken as Number(Page). */
  pageUnvalidated?: boolean
  /** The `page-echoed` variant: a negative integer Page is the client's state, echoed in meta.page (the first page served). */
  pageEchoed?: boolean
  /** The `page-number-stuck` fault: Page is ignored, so meta.page is always 0. */
  ignorePage?: boolean
  /** The `page-token-unchecked` fault: a token that is not ours is ignored (the first page). */
  pageTokenUnchecked?: boolean
  /** The `page-zero-refused` fault: Page is read as 1-based, so Page=0 is refused. */
  pageZeroRefused?: boolean
}

export function readListQuery(query: Params, rules: ListRules): ListQuery {
  const q: ListQuery = { pageSize: rules.defaultPageSize ?? PAGE_SIZE_DEFAULT, page: 0 }
  const max = rules.maxPageSize ?? PAGE_SIZE_MAX

  const order = query.get('Order')
  if (order !== undefined) {
    // The doc's examples send "DeSc" and "AsC" and get a lower-cased echo: the enum is case-insensitive.
    const lower = rules.orderCaseSensitive ? order : order.toLowerCase()
    if (lower !== 'asc' && lower !== 'desc' && !rules.orderInvalidDescending) throw invalidParameter('Order must be asc or desc')
    q.order = lower === 'asc' ? 'asc' : 'desc'
  }

  const pageSize = query.get('PageSize')
  if (pageSize !== undefined) {
    const parsed = rules.pageSizeParseInt ? Number.parseInt(pageSize, 10) : NaN
    const integer = rules.pageSizeParseInt ? (Number.isNaN(parsed) ? q.pageSize : parsed) : /^[0-9]+$/.test(pageSize) ? Number(pageSize) : NaN
    if (rules.clampPageSize && !Number.isNaN(integer)) q.pageSize = Math.min(max, Math.max(PAGE_SIZE_MIN, integer))
    else if (integer >= PAGE_SIZE_MIN && integer <= max) q.pageSize = integer
    else throw invalidParameter(`PageSize must be an integer from ${PAGE_SIZE_MIN} to ${max}`)
    if (rules.ignorePageSize) q.pageSize = PAGE_SIZE_DEFAULT
  }

  const page = query.get('Page')
  if (page === '0' && rules.pageZeroRefused) throw invalidParameter('Page must be at least 1')
  if (page !== undefined && rules.pageUnvalidated) q.page = Number(page)
  else if (page !== undefined && rules.pageEchoed && /^-[0-9]{1,15}$/.test(page)) q.page = Number(page)
  else if (page !== undefined && !rules.ignorePage) {
    const integer = DIGITS.test(page) ? Number(page) : NaN
    if (!Number.isSafeInteger(integer)) throw invalidParameter('Page must be a non-negative integer')
    q.page = integer
  }

  const token = query.get('PageToken')
  if (token !== undefined) {
    const index = decodePageToken(token, rules.opaqueTokens)
    if (index === undefined && !rules.pageTokenUnchecked) throw invalidParameter('Invalid PageToken')
    if (index !== undefined) q.pageToken = index
  }
  return q
}

/** The conversation list's filters. Dates are epoch seconds, inclusive. */
export interface ConversationFilters {
  startDate?: number
  endDate?: number
  state?: string
  /** The filters as given, encoded for page URLs (`StartDate=…&State=active`), or '' when none. */
  echo: string
}

const CONVERSATION_STATES = ['initializing', 'inactive', 'active', 'closed']

/**
 * StartDate and EndDate are "ISO8601" per the OpenAPI file, which shows whole days
 * (`YYYY-MM-DDT00:00:00Z`); we take an RFC 3339 date-time, or a bare date meaning the whole day.
 */
function dayOrDateTime(name: string, value: string, endOfDay: boolean): number {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? '23:59:59' : '00:00:00'}Z` : value
  const seconds = parseDateTime(text)
  if (seconds === null) throw invalidParameter(`${name} must be a date (YYYY-MM-DD) or an RFC 3339 date-time`)
  return seconds
}

export function readConversationFilters(query: Params): ConversationFilters {
  const filters: ConversationFilters = { echo: '' }
  const echo: string[] = []
  const startDate = query.get('StartDate')
  if (startDate !== undefined) {
    filters.startDate = dayOrDateTime('StartDate', startDate, false)
    echo.push(`StartDate=${encodeURIComponent(startDate)}`)
  }
  const endDate = query.get('EndDate')
  if (endDate !== undefined) {
    filters.endDate = dayOrDateTime('EndDate', endDate, true)
    echo.push(`EndDate=${encodeURIComponent(endDate)}`)
  }
  const state = query.get('State')
  if (state !== undefined) {
    const lower = state.toLowerCase()
    if (!CONVERSATION_STATES.includes(lower)) throw invalidParameter(`State must be one of ${CONVERSATION_STATES.join(', ')}`)
    filters.state = lower
    echo.push(`State=${lower}`)
  }
  filters.echo = echo.join('&')
  return filters
}

/** A User's Identity: required and non-empty on create. */
export function readIdentity(form: Params): string {
  const identity = form.get('Identity')
  if (identity === undefined || identity === '') throw invalidParameter('Identity is required')
  return identity
}

/** A User's RoleSid. There are no roles here, so any well-formed one is kept as given. */
export function roleSid(value: string): string {
  return sid('RoleSid', value, 'RL')
}
