/**
 * A check's time budget. Time the target's rate limit holds the check back (a 429's Retry-After, the shared gate
 * closed by another check's 429) is not the check's doing, so it is not charged: the end moves on by as much, but
 * never past the run's end (the profile's run timeout), which bounds a target that rate limits for ever.
 */
export class CheckBudget {
  private end: number
  private heldMs = 0
  private timer: NodeJS.Timeout | undefined

  /** `onOut` runs once, when the budget is spent. */
  constructor(
    readonly limitMs: number,
    private readonly runEnd: number,
    private readonly onOut: () => void,
    now = Date.now(),
  ) {
    this.end = Math.min(runEnd, now + limitMs)
    this.arm()
  }

  /** The instant the budget ends, as it stands now. */
  get deadline(): number {
    return this.end
  }

  /** Time held by the rate limit so far (not charged). */
  get held(): number {
    return this.heldMs
  }

  /** The rate limit holds the check back for `ms`: the end moves on by as much, up to the run's end. */
  hold(ms: number): void {
    if (ms <= 0 || this.timer === undefined) return
    this.heldMs += ms
    this.end = Math.min(this.runEnd, this.end + ms)
    this.arm()
  }

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private arm(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.onOut()
    }, Math.max(0, this.end - Date.now()))
  }
}
