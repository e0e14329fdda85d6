import { startReferenceServer } from '../../mock/server.ts'

export interface EmbeddedServer {
  url: string
  accountSid: string
  authToken: string
  close(): Promise<void>
}

/**
 * The reference server a run tests when no --target is given, with throw-away credentials unless some are given.
 * With `reproducibleSeed`, its SIDs, request IDs and clock come from that seed (for recordings).
 */
export async function startEmbeddedServer(options: { accountSid?: string | undefined; authToken?: string | undefined; reproducibleSeed?: number }): Promise<EmbeddedServer> {
  return startReferenceServer({
    ...(options.accountSid !== undefined ? { accountSid: options.accountSid } : {}),
    ...(options.authToken !== undefined ? { authToken: options.authToken } : {}),
    ...(options.reproducibleSeed !== undefined ? { reproducible: true, seed: options.reproducibleSeed } : {}),
  })
}
