import { Worker } from 'node:worker_threads'
import type { ReferenceServerOptions } from '../../mock/server.ts'
import { COMPILED } from '../run/paths.ts'

export interface EmbeddedServer {
  url: string
  accountSid: string
  authToken: string
  close(): Promise<void>
}

/**
 * The reference server a run tests when no --target is given, with throw-away credentials unless some are given.
 * With `reproducibleSeed`, its SIDs, request IDs and clock come from that seed (for recordings). It runs in a worker
 * thread of its own (src/cli/embedded-worker.ts), so serving never waits for the checks' thread nor they for it.
 */
export async function startEmbeddedServer(options: { accountSid?: string | undefined; authToken?: string | undefined; reproducibleSeed?: number }): Promise<EmbeddedServer> {
  const serverOptions: ReferenceServerOptions = {
    ...(options.accountSid !== undefined ? { accountSid: options.accountSid } : {}),
    ...(options.authToken !== undefined ? { authToken: options.authToken } : {}),
    ...(options.reproducibleSeed !== undefined ? { reproducible: true, seed: options.reproducibleSeed } : {}),
  }
  // From the sources, the worker needs tsx's loader, which a worker thread does not inherit from `register()`.
  const worker = COMPILED
    ? new Worker(new URL('./embedded-worker.js', import.meta.url), { workerData: serverOptions })
    : new Worker(new URL('./embedded-worker-from-sources.mjs', import.meta.url), { workerData: serverOptions })
  const started = await new Promise<{ url: string; accountSid: string; authToken: string }>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the embedded reference server stopped before it started (exit ${code})`)))
  })
  return {
    ...started,
    close: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve())
        worker.postMessage('close')
      }),
  }
}
