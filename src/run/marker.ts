/**
 * What the name of everything a run creates starts with: conversations and services get the FriendlyName
 * `conformance-suite <run ID>`, participants the identity `conformance-suite-<hex>` (and so the Users a service makes
 * for them). `conformance sweep` deletes only what carries it, so nothing of a user's own is ever touched.
 */
export const MARKER = 'conformance-suite'

/** True when a FriendlyName or identity carries the marker. */
export function isMarked(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith(MARKER)
}
