import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// The media type must be application/json; parameters such as charset=utf-8 are the server's choice.
const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase()

check('msg.representation.json-content-type', async (ctx) => {
  const { observe } = ctx
  // The create, fetch and list responses: a message, a message, a page.
  const views = await messageViews(ctx, { Body: 'content type probe' })
  for (const { where, exchange } of views) {
    const header = exchange.response.headers['content-type']
    expectThat(mediaType(header) === 'application/json', `${where}: Content-Type is ${JSON.stringify(header ?? null)}, expected application/json`, exchange)
  }
  observe(`Content-Type: ${views[0]!.exchange.response.headers['content-type']}`)
})
