/**
 * A check's own source of random bytes, seeded from the run seed and the check's name: the values a check invents
 * (an unknown SID to fetch, a fresh participant identity) are the same whenever the run is repeated with that seed,
 * which is what lets a recorded run be replayed request for request.
 */
export function seededBytes(seed: number): (size: number) => Buffer {
  let state = seed >>> 0 || 0x9e3779b9
  // mulberry32: small and fast; identifiers only need to differ from real ones, not to be secret.
  const nextByte = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) & 0xff
  }
  return (size) => {
    const buf = Buffer.alloc(size)
    for (let n = 0; n < size; n++) buf[n] = nextByte()
    return buf
  }
}
