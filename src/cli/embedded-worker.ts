/**
 * The embedded reference server in a thread of its own, so that serving requests never waits for the CLI's main
 * thread (vitest's orchestration, the progress output) and the checks never wait for the server's (issue: the
 * worker running the checks waited for the server 43% of the time when both shared a thread).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type ReferenceServerOptions, startReferenceServer } from '../../mock/server.ts'

const port = parentPort!
const server = await startReferenceServer(workerData as ReferenceServerOptions)
port.on('message', (message: unknown) => {
  if (message === 'close') void server.close().then(() => port.close())
})
port.postMessage({ url: server.url, accountSid: server.accountSid, authToken: server.authToken })
