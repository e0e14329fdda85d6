/**
 * The operations the official `twilio` SDK (twilio-node) drives in the SDK self-tests, and the same operations
 * through this suite's own client (for recording the SDK cassette: test/support/record-sdk-cassette.ts). Both make
 * the same requests, in the same order, with the same inputs, so a cassette recorded with one answers the other.
 */
import twilio from 'twilio'
import { type ConversationRef, ConversationsApi } from '../../src/client/api.ts'
import type { Exchange } from '../../src/client/exchange.ts'

export const SDK_CONVERSATION_NAME = 'twilio-node SDK check'
export const FIRST = { author: 'smee', body: 'Ahoy there!', attributes: JSON.stringify({ importance: 'high' }) }
export const MORE_BODIES = ['message 2 of 5', 'message 3 of 5', 'message 4 of 5', 'message 5 of 5']
export const EDIT = { author: 'regretfulUser', body: 'I take back what I said' }
export const PAGE_SIZE = 2

export interface SdkOutcome {
  conversationSid: string
  created: { sid: string; author: string; body: string; attributes: string; index: number; accountSid: string }
  fetchedBody: string
  /** Bodies listed with list({ pageSize: 2, limit: 5 }): five messages over three pages. */
  listed: string[]
  /** Bodies of page 1 and of page 2 reached with page() and nextPage(). */
  pages: string[][]
  updated: { author: string; body: string; dateUpdated: Date | null }
  removed: boolean
  afterRemove: { status?: number; code?: number }
}

/** Create, fetch, create more, list through three pages, page by hand, update, remove, fetch the removed one. */
export async function driveTwilioSdk(client: twilio.Twilio): Promise<SdkOutcome> {
  const conversation = await client.conversations.v1.conversations.create({ friendlyName: SDK_CONVERSATION_NAME })
  try {
    const messages = client.conversations.v1.conversations(conversation.sid).messages
    const created = await messages.create({ author: FIRST.author, body: FIRST.body, attributes: FIRST.attributes })
    const fetched = await messages(created.sid).fetch()
    for (const body of MORE_BODIES) await messages.create({ body })
    const listed = await messages.list({ pageSize: PAGE_SIZE, limit: 1 + MORE_BODIES.length })
    const page1 = await messages.page({ pageSize: PAGE_SIZE })
    const page2 = await page1.nextPage()
    const updated = await messages(created.sid).update({ author: EDIT.author, body: EDIT.body })
    const removed = await messages(created.sid).remove()
    const afterRemove: SdkOutcome['afterRemove'] = {}
    try {
      await messages(created.sid).fetch()
    } catch (err) {
      const e = err as { status?: number; code?: number }
      afterRemove.status = e.status
      afterRemove.code = e.code
    }
    return {
      conversationSid: conversation.sid,
      created: { sid: created.sid, author: created.author, body: created.body, attributes: created.attributes, index: created.index, accountSid: created.accountSid },
      fetchedBody: fetched.body,
      listed: listed.map((m) => m.body),
      pages: [page1.instances.map((m) => m.body), (page2?.instances ?? []).map((m) => m.body)],
      updated: { author: updated.author, body: updated.body, dateUpdated: updated.dateUpdated },
      removed,
      afterRemove,
    }
  } finally {
    await client.conversations.v1.conversations(conversation.sid).remove()
  }
}

/**
 * The same requests through this suite's client (src/client/), for recording: every exchange goes to `onExchange`
 * of the client's HttpClient. Paging follows next_page_url as the SDK does (the SDK's list stops at its limit,
 * which here is the last page anyway).
 */
export async function driveSuiteClient(api: ConversationsApi): Promise<void> {
  const made = await api.createConversation('default', '', SDK_CONVERSATION_NAME)
  const sid = (made.json as { sid: string }).sid
  const ref: ConversationRef = { sid, serviceSid: '', scope: 'default' }
  const messages = api.messages(ref)
  const created = expectOk(await messages.create({ Author: FIRST.author, Body: FIRST.body, Attributes: FIRST.attributes }))
  const messageSid = (created.json as { sid: string }).sid
  expectOk(await messages.fetch(messageSid))
  for (const body of MORE_BODIES) expectOk(await messages.create({ Body: body }))
  const all = await messages.listAll({ PageSize: PAGE_SIZE })
  if (all.messages.length !== 1 + MORE_BODIES.length || all.pages.length !== 3) throw new Error(`expected 5 messages on 3 pages, got ${all.messages.length} on ${all.pages.length}`)
  const page1 = expectOk(await messages.list({ PageSize: PAGE_SIZE }))
  expectOk(await messages.follow((page1.json as { meta: { next_page_url: string } }).meta.next_page_url))
  expectOk(await messages.update(messageSid, { Author: EDIT.author, Body: EDIT.body }))
  expectOk(await messages.remove(messageSid))
  const gone = await messages.fetch(messageSid)
  if (gone.response.status !== 404) throw new Error(`fetching the removed message answered ${gone.response.status}, expected 404`)
  expectOk(await api.deleteConversation(ref))
}

function expectOk(ex: Exchange): Exchange {
  if (ex.response.status < 200 || ex.response.status > 299) throw new Error(`${ex.request.method} ${ex.request.path} answered ${ex.response.status}: ${ex.response.text.slice(0, 200)}`)
  return ex
}
