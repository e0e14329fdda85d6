/** The Message representation as the doc describes it (the schemas in schemas/ are the authority). */
export interface MessageResource {
  sid: string
  account_sid: string
  chat_service_sid?: string
  conversation_sid: string
  index: number
  author: string | null
  body: string | null
  media: Array<{ sid: string; content_type: string; filename: string | null; size: number }> | null
  attributes: string | null
  participant_sid: string | null
  date_created: string | null
  date_updated: string | null
  url: string | null
  delivery: Record<string, unknown> | null
  links: Record<string, string> | null
  content_sid: string | null
  [extra: string]: unknown
}

export interface PageMeta {
  page: number
  page_size: number
  first_page_url: string
  previous_page_url: string | null
  url: string
  next_page_url: string | null
  key: string
}

export interface MessagePage {
  meta: PageMeta
  messages: MessageResource[]
}

export interface TwilioError {
  code: number
  message: string
  more_info: string
  status: number
}
