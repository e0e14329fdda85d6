import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// The doc gives the summary no schema; its shape comes from every example: {total, sent, delivered, read, failed,
// undelivered}, the statuses being words such as all/some/none (no value set is defined, so any string is accepted).
const STATUSES = ['sent', 'delivered', 'read', 'failed', 'undelivered'] as const

check('msg.representation.delivery', async ({ messages, observe }) => {
  for (const { where, message, exchange } of await messageViews(messages, { Body: 'delivery probe' })) {
    const delivery = message['delivery']
    if (delivery === null) continue
    const shown = JSON.stringify(delivery)
    expectThat(typeof delivery === 'object' && !Array.isArray(delivery), `${where}: delivery is ${shown}, neither null nor a delivery summary object`, exchange)
    const summary = delivery as Record<string, unknown>
    const total = summary['total']
    expectThat(Number.isInteger(total) && (total as number) >= 0, `${where}: delivery.total is ${JSON.stringify(total)}, not a count (delivery ${shown})`, exchange)
    for (const status of STATUSES) {
      expectThat(typeof summary[status] === 'string', `${where}: delivery.${status} is ${JSON.stringify(summary[status])}, not a status (delivery ${shown})`, exchange)
    }
    observe(`${where}: delivery summary ${shown}`)
  }
})
