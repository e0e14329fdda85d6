import { check } from '../../src/harness/check.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { sameInstant } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// The message is never edited, so date_updated may be null ("null if the message has not been edited").
check('msg.representation.dates', async (ctx) => {
  const views = await messageViews(ctx, { Body: 'dates probe' })
  for (const view of views) expectMessageRule('msg.representation.dates', view)
  const { date_created: created, date_updated: updated } = views[0]!.message
  ctx.reading('date-updated-unedited', `${updated === null ? 'null' : sameInstant(updated as string, created as string) ? 'equal to date_created' : 'a date other than date_created'}`)
})
