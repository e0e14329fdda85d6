// The two resources a message can refer to, so that MediaSid and ContentSid name things that exist:
// - media, in the shape of Twilio's Media Content Service (https://www.twilio.com/docs/conversations/api/media-resource
//   and https://www.twilio.com/docs/conversations/media-support-conversations): POST the raw bytes with their
//   Content-Type to /v1/Services/{ChatServiceSid}/Media; the answer is a Media resource (sid ME…, service_sid,
//   content_type, filename, size, …). Twilio serves it on another origin (https://mcs.us1.twilio.com); here it is a
//   route on the server's own origin, with the same path.
// - Content templates, in the shape of Twilio's Content API (https://www.twilio.com/docs/content/content-api-resources):
//   POST /v1/Content with a JSON body (friendly_name, language, variables, types); the answer has sid HX…. Twilio
//   serves it at https://content.twilio.com; here, again, on the server's own origin.
// Both can be fetched and deleted, so a run can clean up what it made.
import { invalidParameter, notFound } from './errors.ts'
import { findService } from './lookup.ts'
import type { RenderContext } from './representation.ts'
import type { Handler, Request, RouteDef } from './router.ts'
import type { ContentTemplate, Media } from './store.ts'
import { formatDate } from './time.ts'

/** Twilio's MCS limit for a media file is far larger; the server's body limit (1 MiB) bounds an upload here. */
const MEDIA_PATH = '/v1/Services/:service/Media'

export function renderMedia(m: Media, ctx: RenderContext) {
  const url = `${ctx.origin}/v1/Services/${m.serviceSid}/Media/${m.sid}`
  return {
    sid: m.sid,
    account_sid: ctx.accountSid,
    service_sid: m.serviceSid,
    date_created: formatDate(m.dateCreated),
    date_updated: formatDate(m.dateCreated),
    channel_sid: null,
    message_sid: null,
    size: m.size,
    content_type: m.contentType,
    filename: m.filename,
    author: 'system',
    category: 'media',
    url,
    links: { content: `${url}/Content` },
  }
}

/** The filename of a `Content-Disposition: attachment; filename="…"` (or RFC 5987 `filename*=UTF-8''…`) header, else null. */
export function dispositionFilename(header: string | undefined): string | null {
  if (header === undefined) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim())
    } catch {
      return null
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(header)
  return plain ? (plain[1] ?? plain[2] ?? null) : null
}

const uploadMedia: Handler = (req, app) => {
  const service = findService(req, app)
  const contentType = req.header('content-type')
  // The upload is the file itself: its type is the request's Content-Type, so a form or a missing type is no file.
  if (contentType === undefined || contentType === '' || /^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    throw invalidParameter('Media upload needs the file as the body, with its MIME type as the Content-Type')
  }
  const data = req.raw()
  if (data.length === 0) throw invalidParameter('Media upload needs a non-empty body')
  const media = app.store.addMedia({ serviceSid: service.sid, contentType, filename: dispositionFilename(req.header('content-disposition')), size: data.length })
  return { status: 201, body: renderMedia(media, app.render) }
}

function mediaFor(req: Request, app: Parameters<Handler>[1]): Media {
  const service = findService(req, app)
  const media = app.store.getMedia(req.params['media'] ?? '')
  if (media === undefined || media.serviceSid !== service.sid) throw notFound(req.path)
  return media
}

const fetchMedia: Handler = (req, app) => ({ status: 200, body: renderMedia(mediaFor(req, app), app.render) })

const deleteMedia: Handler = (req, app) => {
  app.store.deleteMedia(mediaFor(req, app).sid)
  return { status: 204 }
}

export function renderTemplate(t: ContentTemplate, ctx: RenderContext) {
  const url = `${ctx.origin}/v1/Content/${t.sid}`
  return {
    sid: t.sid,
    account_sid: ctx.accountSid,
    friendly_name: t.friendlyName,
    language: t.language,
    variables: t.variables,
    types: t.types,
    date_created: formatDate(t.dateCreated),
    date_updated: formatDate(t.dateCreated),
    url,
    links: { approval_create: `${url}/ApprovalRequests/whatsapp`, approval_fetch: `${url}/ApprovalRequests` },
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The Content API takes JSON: language and at least one content type are required; variables map names to sample values. */
function readTemplate(req: Request): Omit<ContentTemplate, 'sid' | 'creationOrder' | 'dateCreated'> {
  let body: unknown
  try {
    body = JSON.parse(req.raw().toString('utf8'))
  } catch {
    throw invalidParameter('The Content API takes a JSON body')
  }
  if (!isObject(body)) throw invalidParameter('The Content API takes a JSON object')
  const { friendly_name: friendlyName, language, variables = {}, types } = body
  if (typeof language !== 'string' || language === '') throw invalidParameter('language is required')
  if (!isObject(types) || Object.keys(types).length === 0) throw invalidParameter('types is required: at least one content type, e.g. twilio/text')
  if (!isObject(variables) || Object.values(variables).some((v) => typeof v !== 'string')) throw invalidParameter('variables must map variable names to string values')
  if (friendlyName !== undefined && typeof friendlyName !== 'string') throw invalidParameter('friendly_name must be a string')
  return { friendlyName: friendlyName ?? null, language, variables: variables as Record<string, string>, types }
}

const createTemplate: Handler = (req, app) => ({ status: 201, body: renderTemplate(app.store.addTemplate(readTemplate(req)), app.render) })

function templateFor(req: Request, app: Parameters<Handler>[1]): ContentTemplate {
  const template = app.store.getTemplate(req.params['content'] ?? '')
  if (template === undefined) throw notFound(req.path)
  return template
}

const fetchTemplate: Handler = (req, app) => ({ status: 200, body: renderTemplate(templateFor(req, app), app.render) })

const deleteTemplate: Handler = (req, app) => {
  app.store.deleteTemplate(templateFor(req, app).sid)
  return { status: 204 }
}

export const mediaRouteDefs: RouteDef[] = [
  { pattern: MEDIA_PATH, handlers: { POST: uploadMedia } },
  { pattern: `${MEDIA_PATH}/:media`, handlers: { GET: fetchMedia, DELETE: deleteMedia } },
  { pattern: '/v1/Content', handlers: { POST: createTemplate } },
  { pattern: '/v1/Content/:content', handlers: { GET: fetchTemplate, DELETE: deleteTemplate } },
]
