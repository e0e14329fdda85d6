// Resource → JSON. Property order follows the doc's examples, because people diff our bodies
// against them and a stable order makes those diffs readable (JSON itself does not care).
import type { Faults } from './faults.ts'
import type { Variants } from './variants.ts'
import type { Conversation, Media, Message, Participant, Service, User } from './store.ts'
import { formatDate } from './time.ts'

export interface RenderContext {
  /** Origin for every absolute URL we emit, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  origin: string
  accountSid: string
  /** The server's fault switches, for the faults that change how a message is written out. */
  faults?: Faults
  /** The server's variant switches, for the allowed variations in how a message is written out. */
  variants?: Variants
  /** The uploaded media a MediaSid names (mock/routes-media.ts), for the media objects of a message. */
  media?: (sid: string) => Media | undefined
}

/** The doc example's placeholder SIDs, which a mock built from the examples tends to return verbatim. */
const PLACEHOLDER = (prefix: string) => prefix + 'a'.repeat(32)

/** Which URL family a conversation or message is addressed through. */
export type Scope = 'default' | 'service'

export function conversationPath(conv: Pick<Conversation, 'sid' | 'serviceSid'>, scope: Scope): string {
  return scope === 'service' ? `/v1/Services/${conv.serviceSid}/Conversations/${conv.sid}` : `/v1/Conversations/${conv.sid}`
}

export function messagesPath(conv: Pick<Conversation, 'sid' | 'serviceSid'>, scope: Scope): string {
  return `${conversationPath(conv, scope)}/Messages`
}

export function renderService(s: Service, ctx: RenderContext) {
  const url = `${ctx.origin}/v1/Services/${s.sid}`
  return {
    sid: s.sid,
    account_sid: ctx.accountSid,
    friendly_name: s.friendlyName,
    date_created: formatDate(s.dateCreated),
    date_updated: formatDate(s.dateUpdated),
    url,
    links: {
      conversations: `${url}/Conversations`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
      configuration: `${url}/Configuration`,
      participant_conversations: `${url}/ParticipantConversations`,
      conversation_with_participants: `${url}/ConversationWithParticipants`,
    },
  }
}

export function renderConfiguration(defaultServiceSid: string, ctx: RenderContext) {
  return {
    account_sid: ctx.accountSid,
    default_chat_service_sid: defaultServiceSid,
    default_messaging_service_sid: null,
    default_inactive_timer: null,
    default_closed_timer: null,
    url: `${ctx.origin}/v1/Configuration`,
    links: {},
  }
}

export function renderConversation(c: Conversation, scope: Scope, ctx: RenderContext) {
  const url = ctx.origin + conversationPath(c, scope)
  return {
    sid: c.sid,
    account_sid: ctx.accountSid,
    chat_service_sid: c.serviceSid,
    messaging_service_sid: null,
    friendly_name: c.friendlyName,
    unique_name: c.uniqueName,
    attributes: c.attributes,
    state: 'active',
    date_created: formatDate(c.dateCreated),
    date_updated: formatDate(c.dateUpdated),
    timers: {},
    url,
    links: { participants: `${url}/Participants`, messages: `${url}/Messages`, webhooks: `${url}/Webhooks` },
    bindings: null,
  }
}

export function renderParticipant(p: Participant, scope: Scope, ctx: RenderContext) {
  const base = ctx.origin + conversationPath({ sid: p.conversationSid, serviceSid: p.serviceSid }, scope)
  return {
    sid: p.sid,
    account_sid: ctx.accountSid,
    conversation_sid: p.conversationSid,
    chat_service_sid: p.serviceSid,
    identity: p.identity,
    attributes: p.attributes,
    messaging_binding: null,
    role_sid: null,
    date_created: formatDate(p.dateCreated),
    date_updated: formatDate(p.dateUpdated),
    url: `${base}/Participants/${p.sid}`,
    last_read_message_index: null,
    last_read_timestamp: null,
  }
}

export function usersPath(serviceSid: string, scope: Scope): string {
  return scope === 'service' ? `/v1/Services/${serviceSid}/Users` : '/v1/Users'
}

/** is_online and is_notifiable are null: reachability is off in this server (the schema's null case). */
export function renderUser(u: User, scope: Scope, ctx: RenderContext) {
  const url = `${ctx.origin}${usersPath(u.serviceSid, scope)}/${u.sid}`
  return {
    sid: u.sid,
    account_sid: ctx.accountSid,
    chat_service_sid: u.serviceSid,
    role_sid: u.roleSid,
    identity: u.identity,
    friendly_name: u.friendlyName,
    attributes: u.attributes,
    is_online: null,
    is_notifiable: null,
    date_created: formatDate(u.dateCreated),
    date_updated: formatDate(u.dateUpdated),
    url,
    links: { user_conversations: `${url}/Conversations` },
  }
}

/**
 * A message's media object, as the doc lists its fields: content_type, filename, sid, size (those of the uploaded
 * media). A MediaSid this server holds no media for (accepted unless the `media-content-must-exist` variant is on)
 * gets placeholders. The `media-details-placeholder` fault shows placeholders for every media; `media-filename-missing`
 * leaves filename out.
 */
function mediaObject(sid: string, ctx: RenderContext): Record<string, unknown> {
  const media = ctx.faults?.on('media-details-placeholder') ? undefined : ctx.media?.(sid)
  const item: Record<string, unknown> = { sid, size: media?.size ?? 0, content_type: media?.contentType ?? 'application/octet-stream', filename: media?.filename ?? null }
  if (ctx.faults?.on('media-filename-missing')) delete item['filename']
  return item
}

export function renderMessage(m: Message, scope: Scope, ctx: RenderContext) {
  const fault = (name: Parameters<Faults['on']>[0]) => ctx.faults?.on(name) === true
  const path = `${messagesPath({ sid: m.conversationSid, serviceSid: m.serviceSid }, scope)}/${m.sid}`
  const url = fault('url-relative') ? path : ctx.origin + path
  const variant = (name: Parameters<Variants['on']>[0]) => ctx.variants?.on(name) === true
  const date = (epochSeconds: number) => {
    const text = formatDate(epochSeconds)
    if (fault('dates-no-timezone')) return text.replace(/Z$/, '')
    return variant('fractional-seconds') ? text.replace(/Z$/, '.000Z') : text
  }
  const links: Record<string, string> = { delivery_receipts: `${url}/Receipts`, channel_metadata: `${url}/ChannelMetadata` }
  if (fault('links-no-channel-metadata')) delete links['channel_metadata']
  if (fault('links-receipts-singular')) links['delivery_receipts'] = `${url}/Receipt`
  return {
    sid: m.sid,
    account_sid: fault('account-sid-placeholder') ? PLACEHOLDER('AC') : ctx.accountSid,
    // The service-scoped schema adds chat_service_sid right after account_sid; the default one has none.
    ...(scope === 'service' ? { chat_service_sid: fault('chat-service-sid-null') ? null : m.serviceSid } : {}),
    conversation_sid: fault('conversation-sid-placeholder') ? PLACEHOLDER('CH') : m.conversationSid,
    body: m.body,
    media: m.mediaSid === null ? (fault('media-empty-array') ? [] : null) : [mediaObject(m.mediaSid, ctx)],
    author: m.author,
    participant_sid: fault('participant-sid-null') ? null : (m.participantSid ?? (fault('participant-sid-always') ? 'MB' + m.sid.slice(2) : null)),
    attributes: fault('attributes-object') && m.attributes !== null ? (JSON.parse(m.attributes) as unknown) : m.attributes,
    date_created: date(m.dateCreated),
    date_updated: variant('date-updated-null') && !m.dateUpdatedSet ? null : date(m.dateUpdated),
    index: fault('index-string') ? String(m.index) : m.index,
    // Delivery summaries only exist for non-chat (SMS, WhatsApp) participants, which we do not model.
    delivery: fault('delivery-empty-object') ? {} : null,
    content_sid: m.contentSid ?? (fault('content-sid-empty') ? '' : null),
    url,
    links,
    ...(variant('extra-properties') ? { subject: m.subject, x_conformance_extra: { note: 'unknown property', n: 1 } } : {}),
  }
}

