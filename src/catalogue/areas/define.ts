/** The pieces every area file of the catalogue uses: the compact constructor and the shared qualifications. */
import { DOC } from '../links.ts'
import type { Level, Requirement, Source } from '../types.ts'

/** Compact constructor: the table below reads as one requirement per line group. */
export function req(id: string, level: Level, source: Source, ref: string, summary: string, extra: Partial<Requirement> = {}): Requirement {
  return { id, level, source, ref, summary, ...extra }
}

/**
 * The Message page says a Body "can be up to 1,600 characters long"; the Conversations limits page says that is the
 * SMS and WhatsApp limit and a chat message may be up to 32KB. The suite's conversations are chat-only, so both
 * limits are conformant; and "characters" may be counted as UTF-16 code units or as code points.
 */
export const CHAT_BODY_LIMIT = {
  qualifiedBy: [
    {
      ref: DOC.limits,
      quote: 'Conversation Message Body — Outbound: depends on channel: WhatsApp and SMS: 1600 Characters; Chat: 32KB',
      allows: 'a Body over 1,600 characters accepted, up to the chat limit of 32 KiB; beyond it a 4xx (Twilio error 50504)',
    },
  ],
}

/** Only the service-scoped routes name a service, so only they can show it or name the wrong one. */
export const SERVICE_SCOPE_ONLY = { scopes: ['service'] } as const
