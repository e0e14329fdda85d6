/**
 * How mainstream clients encode a Message create or update: the Content-Type they send, how they percent-encode a
 * form value, the order of the parameters and the spelling of the X-Twilio-Webhook-Enabled header name. Shared by
 * msg.create.client-encodings and msg.update.client-encodings, which send each of these exactly as the client would
 * (through the client's one HTTP path, with the body already encoded) and expect the same message as a plain request.
 *
 * Sources: twilio-node's RequestClient (axios, `qs.stringify(data, { arrayFormat: 'repeat' })`: RFC 3986, a space as
 * %20; the generated resources set `Content-Type: application/x-www-form-urlencoded` and the header
 * `X-Twilio-Webhook-Enabled`, parameters in the order Author, Body, DateCreated, DateUpdated, Attributes, …);
 * twilio-python's TwilioHttpClient (requests with `data=dict`: urlencode/quote_plus, a space as +, `~` kept);
 * twilio-java's NetworkHttpClient (Apache HttpClient's RequestBuilder: parameters from a map, URLEncodedUtils: a space
 * as +, `*` kept, `~` escaped; an explicit `Content-Type: application/x-www-form-urlencoded`); curl `--data-urlencode`
 * (RFC 3986, a space as %20; headers as the user types them); a browser's `fetch(url, { body: new URLSearchParams(…) })`
 * (WHATWG form serialiser: a space as +; Content-Type `application/x-www-form-urlencoded;charset=UTF-8`; Headers
 * lower-case every name, as HTTP/2 does); jQuery's `$.ajax` (`$.param`: encodeURIComponent, then %20 as +, so
 * `!'()*~` kept; Content-Type `application/x-www-form-urlencoded; charset=UTF-8`, as Apache HttpClient's
 * UrlEncodedFormEntity names it too). Media types and their parameters' names are case-insensitive (RFC 9110 §8.3.1),
 * but no mainstream client writes them in mixed case, and no Twilio page says its API reads them so: MIXED_CASE, a
 * hand-written client that does, is the probe of two `should` requirements of its own (msg.create.content-type-case-insensitive
 * and msg.update.content-type-case-insensitive), never of the `must` ones.
 */
import type { MessageParams } from '../../src/client/api.ts'
import type { Exchange } from '../../src/client/exchange.ts'
import { expectSameJson, expectThat, jsonValueOf } from '../../src/harness/verify.ts'

export interface ClientEncoding {
  /** Who sends it this way, for failure messages. */
  client: string
  contentType: string
  /** How a space is written. */
  space: '+' | '%20'
  /** Characters other than ASCII letters and digits sent as they are; every other byte is %XX (upper-case hex). */
  keep: string
  /** The parameters in the order this client sends them. */
  order: readonly (keyof MessageParams)[]
  /** The spelling of the webhook header's name. */
  webhookHeader: string
}

const RFC3986_UNRESERVED = '-._~'
const WHATWG_FORM = '*-._'
const ENCODE_URI_COMPONENT = "-_.!~*'()"

export const CLIENT_ENCODINGS: readonly ClientEncoding[] = [
  { client: 'twilio-node (axios, qs.stringify)', contentType: 'application/x-www-form-urlencoded', space: '%20', keep: RFC3986_UNRESERVED, order: ['Author', 'Body', 'Attributes'], webhookHeader: 'X-Twilio-Webhook-Enabled' },
  { client: 'twilio-python (requests, urlencode)', contentType: 'application/x-www-form-urlencoded', space: '+', keep: RFC3986_UNRESERVED, order: ['Author', 'Body', 'Attributes'], webhookHeader: 'X-Twilio-Webhook-Enabled' },
  { client: 'twilio-java (Apache HttpClient, URLEncodedUtils)', contentType: 'application/x-www-form-urlencoded', space: '+', keep: WHATWG_FORM, order: ['Attributes', 'Body', 'Author'], webhookHeader: 'X-Twilio-Webhook-Enabled' },
  { client: 'curl --data-urlencode', contentType: 'application/x-www-form-urlencoded', space: '%20', keep: RFC3986_UNRESERVED, order: ['Body', 'Author', 'Attributes'], webhookHeader: 'x-twilio-webhook-enabled' },
  { client: 'a browser fetch (URLSearchParams body)', contentType: 'application/x-www-form-urlencoded;charset=UTF-8', space: '+', keep: WHATWG_FORM, order: ['Body', 'Attributes', 'Author'], webhookHeader: 'x-twilio-webhook-enabled' },
  { client: 'jQuery $.ajax ($.param)', contentType: 'application/x-www-form-urlencoded; charset=UTF-8', space: '+', keep: ENCODE_URI_COMPONENT, order: ['Author', 'Attributes', 'Body'], webhookHeader: 'X-Twilio-Webhook-Enabled' },
]

/** A hand-written client that spells the media type and its parameter in mixed case (RFC 9110 allows it; no SDK does). */
export const MIXED_CASE: ClientEncoding = { client: 'a hand-written client (mixed-case media type)', contentType: 'Application/X-WWW-Form-Urlencoded; Charset=utf-8', space: '+', keep: RFC3986_UNRESERVED, order: ['Attributes', 'Author', 'Body'], webhookHeader: 'X-TWILIO-WEBHOOK-ENABLED' }

/** Percent-encodes one form name or value the way `encoding` does. */
export function encodeValue(value: string, encoding: ClientEncoding): string {
  let out = ''
  for (const ch of value) {
    if (ch === ' ') out += encoding.space
    else if (/^[A-Za-z0-9]$/.test(ch) || encoding.keep.includes(ch)) out += ch
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/**
 * The request body and headers `encoding`'s client sends for these parameters; the webhook header (under the client's
 * spelling) says `webhooks`: "true" where the run may fire webhooks, else "false" (suites/create/webhook-header.ts).
 */
export function encodeAs(params: MessageParams, encoding: ClientEncoding, webhooks: string): { encoded: { body: string; contentType: string }; headers: Record<string, string> } {
  const names = [...encoding.order, ...(Object.keys(params) as (keyof MessageParams)[]).filter((n) => !encoding.order.includes(n))]
  const body = names
    .filter((n) => params[n] !== undefined)
    .map((n) => `${encodeValue(n, encoding)}=${encodeValue(params[n]!, encoding)}`)
    .join('&')
  return { encoded: { body, contentType: encoding.contentType }, headers: { [encoding.webhookHeader]: webhooks } }
}

/** How `encoding` differs from a plain request, for failure messages. */
export function describeEncoding(encoding: ClientEncoding): string {
  return `${encoding.client} (Content-Type "${encoding.contentType}", a space as ${encoding.space}, parameters ${encoding.order.join(', ')}, header ${encoding.webhookHeader})`
}

/** Where two texts first differ, with a little context: `"…Ahoy+1f…" where "…Ahoy 1f…" was sent`. */
export function textDifference(actual: unknown, sent: string): string {
  if (typeof actual !== 'string') return `${JSON.stringify(actual)} where ${JSON.stringify(sent.slice(0, 40))}… was sent`
  let i = 0
  while (i < actual.length && i < sent.length && actual[i] === sent[i]) i++
  const from = Math.max(0, i - 12)
  const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, i + 12)}${s.length > i + 12 ? '…' : ''}`
  return `${JSON.stringify(cut(actual))} where ${JSON.stringify(cut(sent))} was sent`
}

/**
 * The message `res` carries has exactly the Body, Author and Attributes sent (attributes compared by value: a server
 * may re-serialise JSON). `what` names the request in the failure.
 */
export function expectSameFields(message: { body: unknown; author: unknown; attributes: unknown }, sent: ReturnType<typeof encodingProbe>, what: string, res: Exchange): void {
  expectThat(message.body === sent.Body, `body came back as ${textDifference(message.body, sent.Body)}, after ${what}`, res)
  expectThat(message.author === sent.Author, `author came back as ${textDifference(message.author, sent.Author)}, after ${what}`, res)
  expectSameJson(jsonValueOf(message.attributes), JSON.parse(sent.Attributes), `attributes do not encode the Attributes sent, after ${what}`, res)
}

/**
 * Values that only a correct form decoding gives back: spaces, a literal +, %, & and =, an escape-looking %20 and
 * %2B, and text outside ASCII (two-, three- and four-byte UTF-8). `tag` (from the check's seed) makes each one unique.
 */
export function encodingProbe(tag: string, n: number): Required<Pick<MessageParams, 'Body' | 'Author' | 'Attributes'>> {
  return {
    Body: `Ahoy ${tag}-${n}: 1+1=2 & 100% sure, a=b&c=d, "%20" and "%2B" are text; naïve café, 日本語, 😀 ~*'()!`,
    Author: `client ${n} +1 (555) 010-${String(1000 + n).slice(-4)} ${tag}`,
    Attributes: JSON.stringify({ probe: tag, n, note: 'a b+c & d=e %20 ~*', text: 'naïve 日本 😀' }),
  }
}
