// The delivery receipts of a message: what its `links.delivery_receipts` points at. Twilio's Conversation Message
// Receipt resource (https://www.twilio.com/docs/conversations/api/receipt-resource) lists them at
// …/Messages/{MessageSid}/Receipts, a page whose meta.key is "delivery_receipts". Receipts exist only for messages
// delivered to non-chat (SMS, WhatsApp) participants, which this server does not model: the list is always empty, but
// it is there for every message, in both scopes, as the link promises.
import { notFound } from './errors.ts'
import { listReply } from './listing.ts'
import { findMessageConversation } from './lookup.ts'
import { SortedArray } from './paging.ts'
import { messagesPath, type Scope } from './representation.ts'
import type { Handler, RouteDef } from './router.ts'

const listReceipts =
  (scope: Scope): Handler =>
  (req, app) => {
    // receipts-route-missing: the link is written out, but nothing answers it.
    if (app.faults.on('receipts-route-missing')) throw notFound(req.path)
    const conversation = findMessageConversation(req, app, scope)
    const message = conversation.messages.get(req.params['message'] ?? '')
    if (message === undefined) throw notFound(req.path)
    return listReply(req, app, {
      path: `${messagesPath(conversation, scope)}/${message.sid}/Receipts`,
      key: 'delivery_receipts',
      items: new SortedArray<never>([], () => 0),
      render: (receipt) => receipt,
    })
  }

export const receiptRouteDefs: RouteDef[] = [
  { pattern: '/v1/Conversations/:conversation/Messages/:message/Receipts', handlers: { GET: listReceipts('default') } },
  { pattern: '/v1/Services/:service/Conversations/:conversation/Messages/:message/Receipts', handlers: { GET: listReceipts('service') } },
]
