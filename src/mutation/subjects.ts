import { CONDITIONS } from '../../mock/conditions.ts'
import { FAULTS } from '../../mock/faults.ts'
import { VARIANTS } from '../../mock/variants.ts'

/** One configuration of the reference server that the suite is run against. */
export interface Subject {
  kind: 'clean' | 'fault' | 'variant' | 'condition'
  /** `clean`, the fault name, or the variant (condition) names joined with `+`. */
  name: string
  faults: string[]
  variants: string[]
  /** Production conditions, with the short values CI uses (`list-lag=300`). */
  conditions: string[]
  /** One sentence: what the fault breaks, what the variant allows, what the condition shows. */
  description: string
  /** The seed of this subject's server and inputs, when not the run's (bench/soak.ts: a fresh seed per repeat). */
  seed?: number
}

/**
 * The values each condition runs with in the mutation run: short, so CI stays fast, yet long enough that a suite
 * which did not retry or settle would fail (a list lagging 300 ms behind is seen by the very next read).
 */
export const CONDITION_SETTINGS: Readonly<Record<string, string>> = {
  latency: 'latency=5',
  'list-lag': 'list-lag=300',
  'transient-503': 'transient-503=8',
  'rate-limit-burst': 'rate-limit-burst=300',
  'rate-limit-burst-no-retry-after': 'rate-limit-burst-no-retry-after=300',
  // Every 429 holds the target's checks for its Retry-After (1 s): one in eight would cost minutes here.
  'rate-limit-steady': 'rate-limit-steady=100',
}

const setting = (name: string): string => CONDITION_SETTINGS[name] ?? name

/**
 * The clean server, every fault alone, every variant alone and all variants at once (variants must combine: each is
 * allowed, so any mix of them is a conformant server too), and every production condition alone and all together
 * (with every variant too: a production server may show any allowed behaviour while it lags and fails transiently).
 */
export function planSubjects(only?: { faults?: readonly string[]; variants?: boolean; conditions?: boolean }): Subject[] {
  const faultNames = only?.faults ?? Object.keys(FAULTS)
  const subjects: Subject[] = [{ kind: 'clean', name: 'clean', faults: [], variants: [], conditions: [], description: 'the reference server as documented' }]
  for (const f of faultNames) {
    const description = FAULTS[f]
    if (description === undefined) throw new Error(`unknown fault "${f}"; see npm run mock -- --list-faults`)
    subjects.push({ kind: 'fault', name: f, faults: [f], variants: [], conditions: [], description })
  }
  const variantNames = Object.keys(VARIANTS)
  if (only?.variants !== false) {
    for (const v of variantNames) subjects.push({ kind: 'variant', name: v, faults: [], variants: [v], conditions: [], description: VARIANTS[v]! })
    if (variantNames.length > 1) {
      subjects.push({ kind: 'variant', name: variantNames.join('+'), faults: [], variants: variantNames, conditions: [], description: 'every variant at once' })
    }
  }
  if (only?.conditions !== false) {
    const conditionNames = Object.keys(CONDITIONS)
    for (const c of conditionNames) subjects.push({ kind: 'condition', name: c, faults: [], variants: [], conditions: [setting(c)], description: CONDITIONS[c]! })
    subjects.push({
      kind: 'condition',
      name: 'every condition and variant',
      faults: [],
      variants: variantNames,
      conditions: conditionNames.map(setting),
      description: 'every production condition at once, with every allowed variant',
    })
  }
  return subjects
}
