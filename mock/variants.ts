// Behaviours the doc leaves open. Unlike faults these are all conformant: the suite must accept
// every one of them, and the reference server can be switched into each to prove that it does.
// To add a variant: one row here, one `variants.on('name')` at the spot it affects.
import { resolveSwitches, type Switches } from './switches.ts'

const TABLE = {
  'sid-uppercase-hex': 'New SIDs use upper-case hex digits (the doc patterns are [0-9a-fA-F]{32}).',
  'page-size-clamp': 'An out-of-range PageSize is clamped to 1..100 instead of rejected (the doc states the range, not the reaction).',
  'url-origin-twilio': 'Resource and paging URLs use https://conversations.twilio.com rather than the server\'s own origin.',
} as const satisfies Record<string, string>

export type VariantName = keyof typeof TABLE

/** Variant name → the permitted behaviour it selects, in one sentence. */
export const VARIANTS: Record<string, string> = TABLE

export type Variants = Switches<VariantName>

export function resolveVariants(names?: readonly string[]): Variants {
  return resolveSwitches<VariantName>('variant', TABLE, names)
}
