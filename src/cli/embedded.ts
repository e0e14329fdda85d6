import { Worker } from 'node:worker_threads'
import type { ReferenceServerOptions } from '../../mock/server.ts'
import { COMPILED } from '../run/paths.ts'
import type { TargetSetup } from './target-setup.ts'
import { UsageError } from './usage-error.ts'

export interface EmbeddedServer {
  url: string
  accountSid: string
  authToken: string
  /** What the server's thread found when asked to prepare itself (`prepare`). */
  setup?: TargetSetup
  close(): Promise<void>
}

/** Asks the server's thread to make the run's preflight against itself (and to find or make the second service). */
export interface SelfPreparation {
  secondService: boolean
  serviceSid?: string
  timeoutMs: number
}

export interface EmbeddedWorkerData {
  server: ReferenceServerOptions
  prepare?: SelfPreparation
}

export type EmbeddedReply = { url: string; accountSid: string; authToken: string; setup?: TargetSetup; setupError?: { message: string; usage: boolean } }

/**
 * The reference server a run tests when no --target is given, with throw-away credentials unless some are given.
 * With `reproducibleSeed`, its SIDs, request IDs and clock come from that seed (for recordings). It runs in a worker
 * thread of its own (src/cli/embedded-worker.ts), so serving never waits for the checks' thread nor they for it.
 * With `prepare`, that thread also makes the run's preflight against the server before it answers.
 */
export async function startEmbeddedServer(options: { accountSid?: string | undefined; authToken?: string | undefined; reproducibleSeed?: number; prepare?: SelfPreparation }): Promise<EmbeddedServer> {
  const serverOptions: ReferenceServerOptions = {
    ...(options.accountSid !== undefined ? { accountSid: options.accountSid } : {}),
    ...(options.authToken !== undefined ? { authToken: options.authToken } : {}),
    ...(options.reproducibleSeed !== undefined ? { reproducible: true, seed: options.reproducibleSeed } : {}),
  }
  const workerData: EmbeddedWorkerData = { server: serverOptions, ...(options.prepare ? { prepare: options.prepare } : {}) }
  // From the sources, the worker needs tsx's loader, which a worker thread does not inherit from `register()`.
  const worker = COMPILED
    ? new Worker(new URL('./embedded-worker.js', import.meta.url), { workerData })
    : new Worker(new URL('./embedded-worker-from-sources.mjs', import.meta.url), { workerData })
  const reply = await new Promise<EmbeddedReply>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the embedded reference server stopped before it started (exit ${code})`)))
  })
  const { setupError, ...started } = reply
  const close = () =>
    new Promise<void>((resolve) => {
      worker.once('exit', () => resolve())
      worker.postMessage('close')
    })
  if (setupError) {
    await close()
    // The suite's own server failing its own preflight is a bug, unless the user's --service-sid is the cause.
    throw setupError.usage ? new UsageError(setupError.message) : new Error(`the embedded reference server failed its preflight: ${setupError.message}`)
  }
  return { ...started, close }
}
