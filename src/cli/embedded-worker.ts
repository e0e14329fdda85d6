/**
 * The embedded reference server in a thread of its own, so that serving requests never waits for the CLI's main
 * thread (vitest's orchestration, the progress output) and the checks never wait for the server's (issue: the
 * worker running the checks waited for the server 43% of the time when both shared a thread). Asked to, it also
 * makes the run's preflight against itself (src/cli/target-setup.ts), while the main thread loads vitest.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { startReferenceServer } from '../../mock/server.ts'
import { accountTarget } from '../client/target.ts'
import type { EmbeddedReply, EmbeddedWorkerData } from './embedded.ts'
import { UsageError } from './usage-error.ts'

const port = parentPort!
const { server: options, prepare } = workerData as EmbeddedWorkerData
const server = await startReferenceServer(options)
port.on('message', (message: unknown) => {
  if (message === 'close') void server.close().then(() => port.close())
})
const started = { url: server.url, accountSid: server.accountSid, authToken: server.authToken }
let reply: EmbeddedReply = started
if (prepare) {
  const { prepareTarget } = await import('./target-setup.ts')
  reply = await prepareTarget(accountTarget(server, prepare.timeoutMs), prepare).then(
    (setup) => ({ ...started, setup }),
    (err: unknown) => ({ ...started, setupError: { message: err instanceof Error ? err.message : String(err), usage: err instanceof UsageError } }),
  )
}
port.postMessage(reply)
