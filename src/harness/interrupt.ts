/**
 * The run was interrupted (SIGINT, SIGTERM): the CLI says so on a BroadcastChannel (check workers are threads of
 * its process), and every check of that run stops at its next request and cleans up. One listener per run and
 * worker; it never keeps a worker alive.
 */
import { setMaxListeners } from 'node:events'
import { interruptChannelOf } from '../run/config.ts'

const byRun = new Map<string, AbortSignal>()

export function runInterrupted(runId: string): AbortSignal {
  let signal = byRun.get(runId)
  if (!signal) {
    const controller = new AbortController()
    // Every check in flight listens (dozens at once): not a leak.
    setMaxListeners(0, controller.signal)
    const channel = new BroadcastChannel(interruptChannelOf(runId))
    channel.onmessage = () => {
      controller.abort()
      channel.close()
    }
    ;(channel as unknown as { unref?: () => void }).unref?.()
    signal = controller.signal
    byRun.set(runId, signal)
  }
  return signal
}
