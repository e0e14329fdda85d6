// Seeded pseudo-randomness for the conditions (transient 503s, latency jitter), so that a run that
// met a 503 on its 17th request meets it there again with the same seed. Math.random cannot be
// seeded; SIDs and tokens still come from node:crypto because they must stay unguessable.

/** A generator of numbers in [0, 1). */
export type Random = () => number

/** mulberry32: 32 bits of state, fast, and good enough to decide which request fails. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One independent stream per purpose, all from the same seed. Separate streams keep the 503 decisions
 * the same whether or not latency (which draws too) is on.
 */
export function seededStream(seed: number, purpose: string): Random {
  let h = 2166136261 // FNV-1a over the purpose, mixed into the seed
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 16777619)
  return mulberry32((seed ^ h) >>> 0)
}
