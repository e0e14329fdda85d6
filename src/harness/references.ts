/**
 * The resources a message can refer to (media by MediaSid, a Content template by ContentSid), for the checks that
 * judge what the page promises about them. A pass on an unknown SID proves nothing (a server that refuses every
 * MediaSid would pass), so these checks work only with resources that exist:
 * - given to the run (--media-sid, --content-sid, or TWILIO_MEDIA_SID, TWILIO_CONTENT_SID), or
 * - made by the check on the target, when the target has the APIs (the reference server, a clone that has them),
 *   through the client, into the ledger, deleted after the check like everything else it makes.
 * A twilio.com target gets only the given ones: Twilio's Media API is at mcs.us1.twilio.com and its Content API at
 * content.twilio.com, other origins than the target's, where the run never sends its credentials. Without either
 * the check ends "not judged: give …", never a pass.
 */
import { type ConversationsApi, createdSid } from '../client/api.ts'
import { CouldNotJudge } from '../client/errors.ts'
import type { Exchange } from '../client/exchange.ts'
import { isTwilioHosted } from '../client/target.ts'
import type { SuiteConfig } from '../run/config.ts'

/** Media a check can attach. `uploaded` is what the check sent and the target answered, when the check made it. */
export interface MediaRef {
  sid: string
  uploaded?: { contentType: string; size: number; filename: string | null }
}

/** A Content template a check can name; `variables` are valid ContentVariables for it. */
export interface TemplateRef {
  sid: string
  variables: Record<string, string>
}

const MEDIA_HINT = 'give --media-sid ME… (or TWILIO_MEDIA_SID): media uploaded once to the default Conversation Service (docs/nightly.md says how)'
const TEMPLATE_HINT = 'give --content-sid HX… (or TWILIO_CONTENT_SID): a Content template with one variable, {{1}} (docs/nightly.md says how)'
const ELSEWHERE = "on twilio.com that API is on another origin than the target's, and the run sends its credentials only to the target"

function notJudged(why: string): never {
  throw new CouldNotJudge(`not judged: ${why}`)
}

function refusedToMake(what: string, ex: Exchange, hint: string): never {
  notJudged(`${hint}; the target could not make ${what} (${ex.request.method} ${ex.request.path} answered ${ex.response.status})`)
}

/** The file the media checks upload: small, text, with a name, so every field of the media object can be compared. */
export function mediaFile(tag: string): { text: string; contentType: string; filename: string } {
  return { text: `conformance-suite media ${tag}\n`, contentType: 'text/plain', filename: `conformance-suite-${tag}.txt` }
}

/** The media to attach: the run's, else one uploaded to `serviceSid` on the target; else the check is not judged. */
export async function mediaFor(api: ConversationsApi, config: SuiteConfig, serviceSid: string, tag: string): Promise<MediaRef> {
  if (config.mediaSid !== undefined) return { sid: config.mediaSid }
  if (isTwilioHosted(config.target.baseUrl)) notJudged(`${MEDIA_HINT}; ${ELSEWHERE}`)
  const file = mediaFile(tag)
  const ex = await api.uploadMedia(serviceSid, file)
  const sid = createdSid(ex)
  if (sid === undefined || !sid.startsWith('ME')) refusedToMake('media', ex, MEDIA_HINT)
  const answer = ex.json as { filename?: unknown; file_name?: unknown }
  // The Media resource's own name for the file: what a message's media object must then show.
  const named = answer.filename ?? answer.file_name
  return { sid, uploaded: { contentType: file.contentType, size: Buffer.byteLength(file.text), filename: typeof named === 'string' ? named : null } }
}

/** The Content template to name: the run's, else one made on the target; else the check is not judged. */
export async function templateFor(api: ConversationsApi, config: SuiteConfig, tag: string): Promise<TemplateRef> {
  const variables = { 1: `conformance ${tag}` }
  if (config.contentSid !== undefined) return { sid: config.contentSid, variables }
  if (isTwilioHosted(config.target.baseUrl)) notJudged(`${TEMPLATE_HINT}; ${ELSEWHERE}`)
  const ex = await api.createContentTemplate({
    friendly_name: `conformance-suite ${config.runId}`,
    language: 'en',
    variables: { 1: 'name' },
    types: { 'twilio/text': { body: 'conformance suite template for {{1}}' } },
  })
  const sid = createdSid(ex)
  if (sid === undefined || !sid.startsWith('HX')) refusedToMake('a Content template', ex, TEMPLATE_HINT)
  return { sid, variables }
}
