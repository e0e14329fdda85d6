/**
 * What the benchmarks start from: the embedded reference server, its preflight made as a run's would be (no second
 * service), the target that addresses it as its account, and the config of a run against it.
 */
import { type EmbeddedServer, startEmbeddedServer } from '../src/cli/embedded.ts'
import { accountTarget, type Target } from '../src/client/target.ts'
import type { SuiteConfig } from '../src/run/config.ts'
import type { ProfileName } from '../src/run/profiles.ts'

export interface BenchServer {
  server: EmbeddedServer
  target: Target
  /** A whole run against the server, with the default service its preflight found; `extra` adds or overrides. */
  config(run: { profile: ProfileName; seed: number; runId: string }, extra?: Partial<SuiteConfig>): SuiteConfig
}

export async function startBenchServer(): Promise<BenchServer> {
  const server = await startEmbeddedServer({ prepare: { secondService: false, timeoutMs: 10_000 } })
  const target = accountTarget(server, 10_000)
  const pre = server.setup!
  const config = (run: { profile: ProfileName; seed: number; runId: string }, extra: Partial<SuiteConfig> = {}): SuiteConfig => ({
    target,
    embedded: true,
    profile: run.profile,
    seed: run.seed,
    runId: run.runId,
    settleMs: 0,
    ...(pre.defaultServiceSid ? { defaultServiceSid: pre.defaultServiceSid } : {}),
    ...extra,
  })
  return { server, target, config }
}
