/**
 * Reproducible randomness for record and replay. A few checks invent values with node:crypto's `randomBytes` (an
 * unknown SID to fetch, a fresh participant identity). A replay must send exactly the recorded requests, so while a
 * check runs in record or replay mode, `randomBytes` draws from a generator seeded with the check's own seed (from
 * the run seed and the test name, like its fast-check seed); afterwards the real one is back.
 *
 * Both the CommonJS object and the ES module's named export are swapped (`syncBuiltinESMExports`), so
 * `import { randomBytes } from 'node:crypto'` sees it too. Checks in one worker run one after another, so one
 * check's generator never serves another's.
 */
import crypto from 'node:crypto'
import { syncBuiltinESMExports } from 'node:module'

const original = crypto.randomBytes

/** Replaces crypto.randomBytes with a generator seeded by `seed`; returns the function that restores it. */
export function seedRandomBytes(seed: number): () => void {
  let state = seed >>> 0 || 0x9e3779b9
  // mulberry32: small, fast, good enough for identifiers that only need to differ from real ones.
  const nextByte = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) & 0xff
  }
  const seeded = (size: number, callback?: (err: Error | null, buf: Buffer) => void): Buffer | undefined => {
    const buf = Buffer.alloc(size)
    for (let n = 0; n < size; n++) buf[n] = nextByte()
    if (callback) {
      queueMicrotask(() => callback(null, buf))
      return undefined
    }
    return buf
  }
  ;(crypto as { randomBytes: unknown }).randomBytes = seeded
  syncBuiltinESMExports()
  return () => {
    ;(crypto as { randomBytes: unknown }).randomBytes = original
    syncBuiltinESMExports()
  }
}
