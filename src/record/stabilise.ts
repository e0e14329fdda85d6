/**
 * Makes a recording byte-for-byte reproducible: the server's random SIDs, its clock and its port are replaced by
 * stable stand-ins, consistently (the same SID always becomes the same stand-in, in requests and responses alike),
 * so re-recording the same operations gives the same file. Used for the SDK cassette (fixtures/twilio-sdk/), whose
 * client never invents values of its own. A suite recording of the embedded reference server needs less: the server
 * runs reproducibly (its SIDs and clock from the seed) and only its origin is replaced (withOrigin).
 *
 * - origin: every occurrence of the recorded origin becomes `origin` (e.g. https://conversations.twilio.com, so a
 *   client with default settings talks to it under nock);
 * - SIDs (two capital letters and 32 hex digits), except the account placeholder: numbered per prefix in order of
 *   first appearance, e.g. CH00000000000000000000000000000001;
 * - RFC 3339 dates (whole seconds, UTC): all 2020-01-01T00:00:00Z. A recording takes a second or two, and how many
 *   distinct seconds it saw is chance; one instant keeps the file stable and breaks no ordering (equal is allowed).
 */
import { type CassetteInteraction, withContentLength } from './cassette.ts'
import { ACCOUNT_SID_PLACEHOLDER } from './redact.ts'

export const STABLE_DATE = '2020-01-01T00:00:00Z'
/** The origin a recording of the embedded reference server is written with, whatever port it had. */
export const STABLE_ORIGIN = 'http://reference-server.invalid'

export function stabilise(interactions: readonly CassetteInteraction[], from: string, to: string): CassetteInteraction[] {
  let text = JSON.stringify(interactions)
  text = text.split(from).join(to)
  const sids = new Map<string, string>()
  const counters = new Map<string, number>()
  text = text.replace(/\b([A-Z]{2})([0-9a-fA-F]{32})\b/g, (sid, prefix: string) => {
    if (sid === ACCOUNT_SID_PLACEHOLDER) return sid
    let stable = sids.get(sid)
    if (!stable) {
      const n = (counters.get(prefix) ?? 0) + 1
      counters.set(prefix, n)
      stable = prefix + n.toString(16).padStart(32, '0')
      sids.set(sid, stable)
    }
    return stable
  })
  text = text.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\b/g, STABLE_DATE)
  return (JSON.parse(text) as CassetteInteraction[]).map(withContentLength)
}

/**
 * A recording of the embedded reference server, written with a stable origin in place of its random port. The
 * server itself was reproducible (its SIDs and clock from the seed), so nothing else changes between recordings.
 */
export function withOrigin(interactions: readonly CassetteInteraction[], from: string, to: string): CassetteInteraction[] {
  if (from === to) return [...interactions]
  return (JSON.parse(JSON.stringify(interactions).split(from).join(to)) as CassetteInteraction[]).map(withContentLength)
}
