import type { MessageResource } from '../../src/client/resources.ts'
import { check } from '../../src/harness/check.ts'
import { EveryView, type Judge } from '../../src/harness/every-view.ts'
import { SetupFailure } from '../../src/harness/failure.ts'
import { expectAccepted, expectMessage, expectRejected, expectThat, firstDifference, jsonValueOf } from '../../src/harness/verify.ts'
import { instant } from './dates.ts'
import { every, type Probe } from './empty-values.ts'
import { expectStoredNothing } from './stored-nothing.ts'

/** Clocks of a distributed service may disagree a little: a date "of the create" may lie this much before the reference. */
const SKEW_MS = 5 * 60_000

// The doc gives no reaction to an empty value, so both readings are conformant: the empty value read as not given
// (the message stored with the documented default) or the create refused as a validation error, storing nothing.
// Never a 5xx, and never a stored value that is not a date or not JSON. A message made first with none of these
// parameters gives the server's own "now": a date read as not given is the time of the create, so not before it (but
// for a few minutes of clock skew; an empty date read as 0 gives 1970). Each create carries a Body, so it has content.
// At the end the conversation holds exactly the messages that were accepted, and every view of each accepted message
// (src/harness/every-view.ts) shows its Body and the empty value read as not given.
check('msg.create.empty-values', async (ctx) => {
  const { messages, scope, seedMessage, randomHex, observe } = ctx
  const tag = randomHex(4)
  const reference = await seedMessage({ Body: `conformance: made before the creates with empty values (${tag})` })
  const since = instant(reference.date_created) - SKEW_MS
  if (Number.isNaN(since)) throw new SetupFailure(`the reference message has date_created ${JSON.stringify(reference.date_created)}, not a date: nothing to compare dates with`)
  const createdNow = (m: MessageResource) => {
    const at = instant(m.date_created)
    return !Number.isNaN(at) && at >= since ? undefined : `date_created is ${JSON.stringify(m.date_created)}, expected the time of the create (not minutes before ${reference.date_created}, that of a message made just before)`
  }
  const updatedNowOrNull = (m: MessageResource) => {
    if (m.date_updated === null) return undefined // "null if the message has not been edited"
    const at = instant(m.date_updated)
    return !Number.isNaN(at) && at >= since ? undefined : `date_updated is ${JSON.stringify(m.date_updated)}, expected null or the time of the create (not minutes before ${reference.date_created})`
  }
  const defaultAttributes = (m: MessageResource) =>
    typeof m.attributes === 'string' && firstDifference(jsonValueOf(m.attributes), {}, '') === undefined ? undefined : `attributes is ${JSON.stringify(m.attributes)}, expected the default "{}"`
  const noMedia = (m: MessageResource) => (m.media === null ? undefined : `media is ${JSON.stringify(m.media)}, expected null (no media)`)
  const noContent = (m: MessageResource) => (m.content_sid === null ? undefined : `content_sid is ${JSON.stringify(m.content_sid)}, expected null (no template)`)
  const probes: Probe[] = [
    { what: 'DateCreated given empty', params: { DateCreated: '' }, asOmitted: every(createdNow, updatedNowOrNull) },
    { what: 'DateUpdated given empty', params: { DateUpdated: '' }, asOmitted: every(createdNow, updatedNowOrNull) },
    { what: 'Attributes given empty', params: { Attributes: '' }, asOmitted: defaultAttributes },
    { what: 'MediaSid given empty', params: { MediaSid: '' }, asOmitted: noMedia },
    { what: 'ContentSid given empty', params: { ContentSid: '' }, asOmitted: noContent },
    { what: 'ContentVariables given empty', params: { ContentVariables: '' }, asOmitted: every(noContent, defaultAttributes) },
    { what: 'an empty X-Twilio-Webhook-Enabled header', params: {}, headers: { 'X-Twilio-Webhook-Enabled': '' }, asOmitted: every(createdNow, defaultAttributes) },
  ]
  const accepted: string[] = [reference.sid]
  const judges: Array<[string, Judge]> = []
  for (const [i, probe] of probes.entries()) {
    const body = `conformance: ${probe.what} (${i + 1}, ${tag})`
    const res = await messages.create({ Body: body, ...probe.params }, probe.headers)
    if (res.response.status >= 400 && res.response.status < 500) {
      expectRejected(res, `a create with ${probe.what}`)
      observe(`create with ${probe.what}: refused with ${res.response.status}`)
      continue
    }
    expectAccepted(res, `a create with ${probe.what} is either read as not given or refused as a validation error`)
    const message = expectMessage(res, scope)
    accepted.push(message.sid)
    expectThat(message.body === body, `a create with ${probe.what} was accepted, so its Body should be stored: body is ${JSON.stringify(message.body)}`, res)
    const wrong = probe.asOmitted(message)
    expectThat(wrong === undefined, `a create with ${probe.what} was accepted, so the empty value should read as not given, but ${wrong}`, res)
    observe(`create with ${probe.what}: accepted, read as not given`)
    judges.push([message.sid, (m) => (m['body'] !== body ? `body is ${JSON.stringify(m['body'])}, sent ${JSON.stringify(body)} (${probe.what})` : probe.asOmitted(m as unknown as MessageResource))])
  }
  // The refused creates stored nothing: the whole list (once it shows the accepted ones) holds only those.
  await expectStoredNothing(ctx, undefined, 'a create with an empty value', accepted)
  // Then every view of the accepted ones. The neighbour every view checks comes after the refusals were judged: it
  // is no message a refused create stored.
  const views = await EveryView.begin(ctx)
  views.keep(reference)
  for (const [sid, judge] of judges) views.wrote(sid, judge)
  await views.verify()
})
