import { check } from '../../src/harness/check.ts'
import { expectThat } from '../../src/harness/verify.ts'
import { messageViews } from '../../src/harness/views.ts'

// Paths are compared, not whole URLs: whether url itself is absolute and right is msg.representation.url-self,
// and the origin is the server's choice. The base only lets a relative url be read.
const pathOf = (value: unknown): string | undefined =>
  typeof value === 'string' && URL.canParse(value, 'http://base.invalid') ? new URL(value, 'http://base.invalid').pathname : undefined

const LINKS = { delivery_receipts: '/Receipts', channel_metadata: '/ChannelMetadata' } as const

check('msg.representation.links', async ({ messages }) => {
  for (const { where, message, exchange } of await messageViews(messages, { Body: 'links probe' })) {
    const links = message['links']
    expectThat(typeof links === 'object' && links !== null && !Array.isArray(links), `${where}: links is ${JSON.stringify(links)}, not an object`, exchange)
    const self = pathOf(message['url'])
    expectThat(self !== undefined, `${where}: url ${JSON.stringify(message['url'])} is not a URL, so the links cannot be judged against it`, exchange)
    for (const [name, suffix] of Object.entries(LINKS)) {
      const link = (links as Record<string, unknown>)[name]
      expectThat(pathOf(link) === self + suffix, `${where}: links.${name} is ${JSON.stringify(link)}, expected the message url + ${suffix}`, exchange)
    }
  }
})
