import { check } from '../../src/harness/check.ts'
import { expectThat, isRfc3339DateTime, sameInstant } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

check('msg.representation.dates', async ({ messages, observe }) => {
  const views = await messageViews(messages, { Body: 'dates probe' })
  for (const { where, message, exchange } of views) {
    const created = message['date_created']
    expectThat(isRfc3339DateTime(created), `${where}: date_created ${JSON.stringify(created)} is not an RFC 3339 date-time with a time zone`, exchange)
    // The message was never edited, so null is allowed ("null if the message has not been edited").
    const updated = message['date_updated']
    expectThat(updated === null || isRfc3339DateTime(updated), `${where}: date_updated ${JSON.stringify(updated)} is neither null nor an RFC 3339 date-time with a time zone`, exchange)
  }
  const { date_created: created, date_updated: updated } = views[0]!.message
  observe(`date_updated of a message never edited: ${updated === null ? 'null' : sameInstant(updated as string, created as string) ? 'equal to date_created' : 'a date other than date_created'}`)
})
