/**
 * SIGINT (Ctrl+C, a cancelled CI job) and SIGTERM: the first one stops the run gracefully (no check starts, those in
 * flight stop at their next request and clean up, the CLI deletes what the run's ledger still holds and writes every
 * report as INCOMPLETE, exit 130 or 143); a second one exits at once and leaves the ledger for `conformance sweep`.
 */
/** Signals this close to the first are the same interrupt delivered twice. */
const SAME_SIGNAL_MS = 500

export interface InterruptWatch {
  signal: AbortSignal
  /** Which signal stopped the run, if one did. */
  which(): 'SIGINT' | 'SIGTERM' | undefined
  dispose(): void
}

export function watchForInterrupt(err: NodeJS.WritableStream = process.stderr, sweep = 'conformance sweep'): InterruptWatch {
  const controller = new AbortController()
  let first: 'SIGINT' | 'SIGTERM' | undefined
  let firstAt = 0
  const handler = (signal: 'SIGINT' | 'SIGTERM') => {
    // One Ctrl+C can arrive twice within milliseconds (from the terminal and relayed by a parent such as npm or a
    // launcher): only a signal well after the first one means "now".
    if (first && Date.now() - firstAt < SAME_SIGNAL_MS) return
    if (first) {
      err.write(`\nconformance: ${signal} again: exiting now; what the run made is listed in its ledger: run "${sweep}" to delete it\n`)
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    first = signal
    firstAt = Date.now()
    err.write(`\nconformance: ${signal}: stopping the checks, deleting what the run made, writing the reports (${signal} again to exit at once)\n`)
    controller.abort()
  }
  const onInt = () => handler('SIGINT')
  const onTerm = () => handler('SIGTERM')
  process.on('SIGINT', onInt)
  process.on('SIGTERM', onTerm)
  return {
    signal: controller.signal,
    which: () => first,
    dispose() {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
    },
  }
}
