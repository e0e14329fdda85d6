import { FAULTS } from '../../mock/faults.ts'
import { VARIANTS } from '../../mock/variants.ts'

/** One configuration of the reference server that the suite is run against. */
export interface Subject {
  kind: 'clean' | 'fault' | 'variant'
  /** `clean`, the fault name, or the variant names joined with `+`. */
  name: string
  faults: string[]
  variants: string[]
  /** One sentence: what the fault breaks or what the variant allows. */
  description: string
}

/**
 * The clean server, every fault alone, every variant alone, and all variants at once (variants must combine:
 * each is allowed, so any mix of them is a conformant server too).
 */
export function planSubjects(only?: { faults?: readonly string[]; variants?: boolean }): Subject[] {
  const faultNames = only?.faults ?? Object.keys(FAULTS)
  const subjects: Subject[] = [{ kind: 'clean', name: 'clean', faults: [], variants: [], description: 'the reference server as documented' }]
  for (const f of faultNames) {
    const description = FAULTS[f]
    if (description === undefined) throw new Error(`unknown fault "${f}"; see npm run mock -- --list-faults`)
    subjects.push({ kind: 'fault', name: f, faults: [f], variants: [], description })
  }
  if (only?.variants !== false) {
    const variantNames = Object.keys(VARIANTS)
    for (const v of variantNames) subjects.push({ kind: 'variant', name: v, faults: [], variants: [v], description: VARIANTS[v]! })
    if (variantNames.length > 1) {
      subjects.push({ kind: 'variant', name: variantNames.join('+'), faults: [], variants: variantNames, description: 'every variant at once' })
    }
  }
  return subjects
}
