import pc from 'picocolors'
import type { CheckResult } from '../run/results.ts'

/**
 * Live progress while the checks run, fed by the collector's listener (`onPlanned`, `onResult`).
 *
 * - on a terminal (and CI unset): one bar line redrawn in place, cleared before the summary is printed
 * - otherwise (a pipe, a file, a CI log): plain lines, one per failure as it happens and a count line at most
 *   every few seconds, plus a last one when the run ends
 * The total is known from the start (the selected requirements and their scopes); vitest's collection can only confirm it.
 */
export interface Progress {
  onPlanned(total: number): void
  onResult(result: CheckResult): void
  /** Ends the bar (clears it) or prints the last count line. */
  finish(): void
}

export interface ProgressOptions {
  out?: NodeJS.WriteStream | NodeJS.WritableStream
  /** Force a mode; default: `bar` on a TTY unless CI is set, else `lines`. */
  mode?: 'bar' | 'lines' | 'off'
  env?: NodeJS.ProcessEnv
  /** The number of checks the run will make, known before vitest collects them. */
  total?: number
  /** Minimum gap between two count lines in `lines` mode. */
  lineIntervalMs?: number
  now?: () => number
}

export function progressMode(out: NodeJS.WritableStream, env: NodeJS.ProcessEnv): 'bar' | 'lines' {
  const tty = (out as NodeJS.WriteStream).isTTY === true
  return tty && !env.CI ? 'bar' : 'lines'
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const out = options.out ?? process.stdout
  const mode = options.mode ?? progressMode(out, options.env ?? process.env)
  const now = options.now ?? Date.now
  const interval = options.lineIntervalMs ?? 3000
  const started = now()
  let total = options.total ?? 0
  let done = 0
  let failed = 0
  let errors = 0
  let lastLine = now()
  let lastDraw = 0
  let drawn = false
  let finished = false

  const counts = () =>
    `${done}/${total} checks` + (failed ? `, ${failed} failed` : '') + (errors ? `, ${errors} setup errors` : '') + `  ${((now() - started) / 1000).toFixed(1)} s`

  const draw = (force = false) => {
    if (mode !== 'bar' || finished) return
    if (!force && now() - lastDraw < 80) return
    lastDraw = now()
    const columns = (out as NodeJS.WriteStream).columns ?? 80
    const width = Math.max(10, Math.min(30, columns - 50))
    const filled = total === 0 ? 0 : Math.round((Math.min(done, total) / total) * width)
    const bar = (failed ? pc.red : pc.green)('█'.repeat(filled)) + pc.dim('░'.repeat(width - filled))
    out.write(`\r\x1b[2K${bar} ${counts()}`)
    drawn = true
  }

  return {
    onPlanned(n) {
      total = Math.max(total, n)
      draw()
    },
    onResult(result) {
      if (result.status === 'skipped') return
      done++
      if (result.status === 'failed') failed++
      if (result.status === 'error') errors++
      if (mode === 'bar') {
        if (result.status === 'failed' || result.status === 'error') {
          // Keep failures on screen above the bar.
          out.write(`\r\x1b[2K${failureLine(result)}\n`)
        }
        draw(result.status !== 'passed')
      } else if (mode === 'lines') {
        if (result.status === 'failed' || result.status === 'error') out.write(`${failureLine(result)}\n`)
        if (now() - lastLine >= interval) {
          lastLine = now()
          out.write(`progress: ${counts()}\n`)
        }
      }
    },
    finish() {
      if (finished) return
      if (mode === 'bar' && drawn) out.write('\r\x1b[2K')
      if (mode === 'lines') out.write(`progress: ${counts()}, done\n`)
      finished = true
    },
  }
}

function failureLine(r: CheckResult): string {
  const what = r.status === 'error' ? pc.yellow('! setup error') : pc.red('✗ failed')
  const message = (r.message ?? '').split('\n')[0] ?? ''
  return `${what} ${r.name}: ${message.length > 160 ? `${message.slice(0, 160)}…` : message}`
}
