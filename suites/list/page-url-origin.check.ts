import { check } from '../../src/harness/check.ts'
import { seedMessages } from '../../src/harness/seed.ts'
import { expectPage, expectThat } from '../../src/harness/verify.ts'
import { pageUrlsOf } from './page-urls.ts'

/** Where Twilio's own page URLs point, whatever origin a clone or a proxy serves them from. */
const TWILIO_ORIGIN = 'https://conversations.twilio.com'

// A page URL on some third origin (an internal host name, another deployment) sends a client that follows it verbatim,
// as Twilio's helper libraries do, elsewhere, with the account's credentials. The suite never follows it (follow()
// maps every URL onto the target); it reports the URL exactly as the target wrote it.
check('msg.list.page-url-origin', async (ctx) => {
  await seedMessages(ctx, 3)
  const own = new URL(ctx.config.target.baseUrl).origin
  const all = await ctx.messages.listAll({ PageSize: 1 }, 5)
  let judged = 0
  for (const [i, res] of all.pages.entries()) {
    const { meta } = expectPage(res, ctx.scope)
    for (const [name, url] of pageUrlsOf(meta)) {
      const origin = typeof url === 'string' && URL.canParse(url) ? new URL(url).origin : undefined
      expectThat(
        origin === own || origin === TWILIO_ORIGIN,
        `page ${i}: meta.${name} is ${JSON.stringify(url)}, on neither the target's origin (${own}) nor ${TWILIO_ORIGIN}; a client following it verbatim would send its credentials there`,
        res,
      )
      judged++
    }
  }
  ctx.observe(`${judged} page URLs on ${all.pages.length} pages, all on ${own} or ${TWILIO_ORIGIN}`)
})
