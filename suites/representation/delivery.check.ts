import { check } from '../../src/harness/check.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { messageViews } from '../../src/harness/views.ts'

// The doc gives the summary no schema; its shape comes from every example: {total, sent, delivered, read, failed,
// undelivered}, the statuses being words such as all/some/none (no value set is defined, so any string is accepted).
check('msg.representation.delivery', async (ctx) => {
  const { observe } = ctx
  for (const view of await messageViews(ctx, { Body: 'delivery probe' })) {
    expectMessageRule('msg.representation.delivery', view)
    if (view.message['delivery'] !== null) observe(`${view.where}: delivery summary ${JSON.stringify(view.message['delivery'])}`)
  }
})
