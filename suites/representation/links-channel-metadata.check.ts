import { check } from '../../src/harness/check.ts'
import { expectMessageRule } from '../../src/harness/static-rules.ts'
import { messageViews } from '../../src/harness/views.ts'

// Every current example carries links.channel_metadata; the property description names only the receipts, so a
// server without it is reported, not failed (should).
check('msg.representation.links-channel-metadata', async (ctx) => {
  for (const view of await messageViews(ctx, { Body: 'channel metadata probe' })) expectMessageRule('msg.representation.links-channel-metadata', view)
})
