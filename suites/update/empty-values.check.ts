import type { MessageResource } from '../../src/client/resources.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView } from '../../src/harness/every-view.ts'
import { fetchShowingBody } from '../../src/harness/reads.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat, firstDifference, jsonValueOf, sameInstant } from '../../src/harness/verify.ts'
import { instant, pastDate } from '../create/dates.ts'
import { every, type Probe } from '../create/empty-values.ts'

// The doc gives no reaction to an empty value, so both readings are conformant: the empty value read as not given
// (for an update: the field keeps its value, and date_updated is stamped with the edit) or the update refused as a
// validation error, changing nothing. Each probe also edits Body, so what was applied shows. Never a 5xx, and never a
// stored value that is not a date or not JSON. An empty Attributes has a third reading: reset to the documented default
// "{}" ("if the attributes are not set \"{}\" will be returned"); which one the target chose is recorded. After each
// accepted update every view (src/harness/every-view.ts) shows the edit; after each refused one, every view shows the
// message unchanged. The message is seeded with dates in the past (from the check's seed) and
// Attributes of its own, so "kept" cannot be mistaken for a default or the server's clock.
check('msg.update.empty-values', async (ctx) => {
  const { messages, scope, seedMessage, randomHex } = ctx
  const hex = randomHex(4)
  const attributes = { kept: hex }
  const views = await EveryView.begin(ctx)
  const seeded = await seedMessage({ Body: 'conformance: before updates with empty values', DateCreated: pastDate(hex), DateUpdated: pastDate(hex, 86_400 + 61), Attributes: JSON.stringify(attributes) })
  views.keep(seeded)
  // What attributes hold now: the seeded value, or "{}" once an empty Attributes reset them.
  let attributesNow: Record<string, string> = attributes
  const keepsAttributes = (m: MessageResource) =>
    typeof m.attributes === 'string' && firstDifference(jsonValueOf(m.attributes), attributesNow, '') === undefined ? undefined : `attributes is ${JSON.stringify(m.attributes)}, expected ${JSON.stringify(JSON.stringify(attributesNow))} kept`
  const resetsAttributes = (m: MessageResource) => (typeof m.attributes === 'string' && firstDifference(jsonValueOf(m.attributes), {}, '') === undefined)
  const keepsOrResetsAttributes = (m: MessageResource) => {
    const kept = keepsAttributes(m)
    return kept === undefined || resetsAttributes(m) ? undefined : `${kept}, or reset to "{}"`
  }
  const keepsDateCreated = (m: MessageResource) => (sameInstant(m.date_created, seeded.date_created) ? undefined : `date_created is ${JSON.stringify(m.date_created)}, expected ${seeded.date_created} kept`)
  const stampsDateUpdated = (m: MessageResource) => {
    const stamped = instant(m.date_updated)
    if (Number.isNaN(stamped)) return `date_updated is ${JSON.stringify(m.date_updated)}, expected a date (the time of the edit)`
    return stamped > instant(seeded.date_updated) ? undefined : `date_updated is ${m.date_updated}, not later than ${seeded.date_updated} from before the edit: the edit did not stamp it`
  }
  const probes: Probe[] = [
    { what: 'DateCreated given empty', params: { DateCreated: '' }, asOmitted: every(keepsDateCreated, keepsAttributes) },
    { what: 'DateUpdated given empty', params: { DateUpdated: '' }, asOmitted: every(stampsDateUpdated, keepsDateCreated, keepsAttributes) },
    { what: 'Attributes given empty', params: { Attributes: '' }, asOmitted: every(keepsOrResetsAttributes, keepsDateCreated) },
    { what: 'an empty X-Twilio-Webhook-Enabled header', params: {}, headers: { 'X-Twilio-Webhook-Enabled': '' }, asOmitted: every(keepsDateCreated, keepsAttributes) },
  ]
  let body = seeded.body
  let dateUpdated = seeded.date_updated
  for (const [i, probe] of probes.entries()) {
    const edit = `edited ${i + 1}: ${probe.what} (${hex})`
    const res = await messages.update(seeded.sid, { Body: edit, ...probe.params }, probe.headers)
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, `an update with ${probe.what}`)
      // Refused: nothing changed. A fetch once it shows the last edit that was applied.
      const fetched = await fetchShowingBody(ctx, messages, seeded.sid, body)
      const now = expectMessage(fetched, scope)
      expectThat(now.body === body, `an update with ${probe.what} was refused, yet the message's body is now ${JSON.stringify(now.body)}, expected ${JSON.stringify(body)}`, fetched)
      const keepsDateUpdated = (m: MessageResource) => (sameInstant(m.date_updated, dateUpdated) ? undefined : `date_updated is ${JSON.stringify(m.date_updated)}, was ${JSON.stringify(dateUpdated)}`)
      const changed = every(keepsDateCreated, keepsDateUpdated, keepsAttributes)(now)
      expectThat(changed === undefined, `an update with ${probe.what} was refused, yet ${changed}`, fetched)
      // And every view still shows the message (and the neighbour) as it was.
      await views.unchanged()
      ctx.reading(`update with ${probe.what}`, `refused with ${res.response.status}`)
      continue
    }
    expectAccepted(res, `an update with ${probe.what} is either read as not given or refused as a validation error`)
    const message = expectMessage(res, scope)
    expectThat(message.body === edit, `an update with ${probe.what} was accepted, so its Body should be applied: body is ${JSON.stringify(message.body)}`, res)
    const wrong = probe.asOmitted(message)
    expectThat(wrong === undefined, `an update with ${probe.what} was accepted, so the empty value should read as not given, but ${wrong}`, res)
    body = edit
    dateUpdated = message.date_updated
    const reset = probe.params.Attributes === '' && resetsAttributes(message) && keepsAttributes(message) !== undefined
    if (reset) attributesNow = {}
    await views.afterWrite(seeded.sid, (m) => (m['body'] !== edit ? `body is ${JSON.stringify(m['body'])} after an update with ${probe.what}, expected ${JSON.stringify(edit)}` : probe.asOmitted(m as unknown as MessageResource)))
    ctx.reading(`update with ${probe.what}`, reset ? 'accepted, attributes reset to "{}"' : 'accepted, read as not given')
  }
})
