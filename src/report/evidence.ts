import type { Exchange } from '../client/exchange.ts'
import { redact } from '../record/redact.ts'
import type { EvidenceExchange } from '../run/results.ts'

/** Headers worth showing; everything else (cookies, tracing) is noise or risk. */
const SHOWN_REQUEST_HEADERS = ['content-type', 'x-twilio-webhook-enabled']
const SHOWN_RESPONSE_HEADERS = ['content-type', 'content-length', 'location', 'retry-after', 'www-authenticate']
export const EVIDENCE_BODY_LIMIT = 2000

export function toEvidence(ex: Exchange, secrets: readonly string[]): EvidenceExchange {
  return {
    method: ex.request.method,
    path: redact(ex.request.path, secrets),
    requestHeaders: pick(ex.request.headers, SHOWN_REQUEST_HEADERS, secrets),
    ...(ex.request.body !== undefined ? { requestBody: cut(redact(ex.request.body, secrets)) } : {}),
    status: ex.response.status,
    responseHeaders: pick(ex.response.headers, SHOWN_RESPONSE_HEADERS, secrets),
    responseBody: cut(redact(ex.response.text, secrets)),
    durationMs: ex.durationMs,
  }
}


function pick(headers: Record<string, string>, names: readonly string[], secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const n of names) {
    const v = headers[n]
    if (v !== undefined) out[n] = redact(v, secrets)
  }
  return out
}

function cut(text: string): string {
  return text.length <= EVIDENCE_BODY_LIMIT ? text : `${text.slice(0, EVIDENCE_BODY_LIMIT)}… [${text.length - EVIDENCE_BODY_LIMIT} more characters cut]`
}
