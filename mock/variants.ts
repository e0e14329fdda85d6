// Behaviours the doc leaves open. Unlike faults these are all conformant: the suite must accept
// every one of them, and the reference server can be switched into each to prove that it does.
// To add a variant: one row here, one `variants.on('name')` at the spot it affects.
import { resolveSwitches, type Switches } from './switches.ts'

const TABLE = {
  'sid-uppercase-hex': 'New SIDs use upper-case hex digits (the doc patterns are [0-9a-fA-F]{32}).',
  'page-size-clamp': 'An out-of-range PageSize is clamped to 1..100 instead of rejected (the doc states the range, not the reaction).',
  'url-origin-twilio': 'Resource and paging URLs use https://conversations.twilio.com rather than the server\'s own origin.',
  'index-gaps': 'Message indices skip numbers (they grow by 1 to 3): the doc says indices may skip numbers but stay in order of receipt.',
  'extra-properties': 'Messages, page meta, pages and error bodies carry extra properties the doc does not list (Twilio adds fields over time).',
  'date-updated-null': 'date_updated is null until a message is edited, as the doc describes ("null if the message has not been edited").',
  'opaque-page-tokens': 'Page tokens are opaque base64 strings instead of PT<index> (the doc: "The page token. This is provided by the API").',
  'specific-error-codes': 'Validation errors carry specific Twilio codes (50504 Body too long, 50304 Attributes not JSON, 21481 invalid PageToken) instead of the generic 20001.',
  'rate-limit-429': 'Every seventh request is answered 429 with Twilio code 20429 and Retry-After: 0, without being processed (a concurrency limit).',
  'fractional-seconds': 'Message dates carry fractional seconds (2015-12-16T22:18:37.000Z), which RFC 3339 allows.',
  'body-limit-utf16': 'The Body limit of 1,600 characters counts UTF-16 code units (an emoji counts two), as a JavaScript or Java string length does; the doc does not say how characters are counted.',
  'media-content-must-exist': 'A MediaSid or ContentSid that names no media or Content template this server holds is refused with 400, as a real account does.',
  'empty-as-omitted': 'On create, update and delete, DateCreated, DateUpdated, Attributes, MediaSid, ContentSid and ContentVariables given as an empty string, and an empty X-Twilio-Webhook-Enabled header, are read as not given instead of refused (the doc gives no reaction to an empty value).',
  'page-size-max-1000': 'A PageSize of 101 to 1,000 is honoured as asked, and beyond 1,000 refused (Twilio error 20007: "The maximum page size is 1000"; the OpenAPI maximum until 2025).',
  'page-echoed': 'A negative integer Page is echoed into meta.page while the first page is served (Page is "simply for client state").',
  'attributes-objects-only': 'Attributes must hold a JSON object (the Attributes page: "the field value is a JSON object"): another JSON value is refused with 400, and null reads as not set ("{}").',
  'empty-attributes-reset': 'An update with Attributes given as an empty string resets attributes to the documented default "{}".',
  'dates-upper-case-only': 'A DateCreated or DateUpdated written with a lower-case t or z (2019-05-01t10:00:00z) is refused with 400, as an ISO 8601 parser does; RFC 3339 allows the lower case and no Twilio page says which the API takes.',
} as const satisfies Record<string, string>

export type VariantName = keyof typeof TABLE

/** Variant name → the permitted behaviour it selects, in one sentence. */
export const VARIANTS: Record<string, string> = TABLE

export type Variants = Switches<VariantName>

export function resolveVariants(names?: readonly string[]): Variants {
  return resolveSwitches<VariantName>('variant', TABLE, names)
}
