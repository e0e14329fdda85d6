import { check } from '../../src/harness/check.ts'
import { expectJson, expectStatus, expectThat } from '../../src/harness/verify.ts'

// links.delivery_receipts is "an absolute API resource URL to access the delivery & read receipts of this message":
// the check follows it (mapped onto the target, as page URLs are: the credentials never go to another origin) and
// expects the Conversation Message Receipt list there, a Twilio page keyed "delivery_receipts". A chat-only
// conversation has no receipts, so the list may well be empty; that the route answers with a page is the claim.
check('msg.representation.delivery-receipts-link', async ({ messages, seedMessage, observe }) => {
  const seeded = await seedMessage({ Body: 'delivery receipts probe' })
  const link = seeded.links?.['delivery_receipts']
  expectThat(typeof link === 'string' && URL.canParse(link, 'http://relative.invalid'), `the created message has links.delivery_receipts ${JSON.stringify(link)}, expected a URL to follow`)
  const res = await messages.follow(link)
  expectStatus(res, 200, `links.delivery_receipts (${link}), followed on the target`)
  const page = expectJson(res) as { meta?: { key?: unknown }; delivery_receipts?: unknown } | null
  expectThat(page?.meta?.key === 'delivery_receipts', `links.delivery_receipts answered a body whose meta.key is ${JSON.stringify(page?.meta?.key)}, expected "delivery_receipts" (a page of receipts)`, res)
  expectThat(Array.isArray(page.delivery_receipts), `links.delivery_receipts answered a page without a delivery_receipts list (${JSON.stringify(page.delivery_receipts)?.slice(0, 80)})`, res)
  observe(`links.delivery_receipts answered a page of ${(page.delivery_receipts as unknown[]).length} receipts`)
})
