/**
 * How hard a run pushes the target. `ci` is for mocks and local servers; `live` is for a real account: few
 * property runs, one check at a time, and a gap between requests so a nightly stays inside Twilio's limits.
 */
export interface Profile {
  name: ProfileName
  /** fast-check runs per property. */
  numRuns: number
  /** Each property stops generating after this long (kept well below the check timeout). */
  propertyTimeMs: number
  /** Time limit of one check, setup and cleanup included. */
  checkTimeoutMs: number
  /** Minimum gap between two requests of one check. */
  minIntervalMs: number
  /** Checks in flight at once, over all the check workers (each has its own conversation); 1 runs them one after another. */
  concurrency: number
  /**
   * 429s halve the checks in flight and answers grow them back (src/client/in-flight-limit.ts). Off where checks run
   * one at a time anyway.
   */
  adaptive: boolean
  /**
   * The run's overall time limit, from its start: time a check is held by the target's rate limit is not charged to
   * the check's own limit, and this bounds it instead.
   */
  runTimeoutMs: number
}

export type ProfileName = 'ci' | 'live'

export const PROFILES: Record<ProfileName, Profile> = {
  ci: { name: 'ci', numRuns: 40, propertyTimeMs: 15_000, checkTimeoutMs: 30_000, minIntervalMs: 0, concurrency: 16, adaptive: true, runTimeoutMs: 30 * 60_000 },
  live: { name: 'live', numRuns: 5, propertyTimeMs: 60_000, checkTimeoutMs: 120_000, minIntervalMs: 250, concurrency: 1, adaptive: false, runTimeoutMs: 6 * 3600_000 },
}

export function isProfileName(name: string): name is ProfileName {
  return Object.hasOwn(PROFILES, name)
}
