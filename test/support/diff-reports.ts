import { join } from 'node:path'
import { startReferenceServer } from '../../mock/server.ts'
import { runCli } from './cli.ts'

/** Requirements whose reports differ between the servers below: a reading, an error code, properties, a must. */
export const DIFF_SELECTION = ['msg.list.page-size-out-of-range', 'msg.create.body-over-limit', 'msg.create.status-201', 'msg.representation.sids']

/**
 * JSON run reports of three reference servers, as a nightly would see the service change: `clean` (as documented),
 * `variant` (other allowed readings: PageSize clamped, specific error codes, extra properties) and `fault` (create
 * answers 200: a must regresses). Same seed and selection for each.
 */
export async function makeDiffReports(dir: string): Promise<{ clean: string; variant: string; fault: string }> {
  const kinds = { clean: {}, variant: { variants: ['page-size-clamp', 'specific-error-codes', 'extra-properties'] }, fault: { faults: ['create-200'] } }
  const files = { clean: join(dir, 'clean.json'), variant: join(dir, 'variant.json'), fault: join(dir, 'fault.json') }
  for (const [name, options] of Object.entries(kinds) as Array<[keyof typeof files, object]>) {
    const server = await startReferenceServer({ ...options, seed: 3 })
    try {
      const run = await runCli(['--target', server.url, '--account-sid', server.accountSid, '--auth-token', server.authToken, '--seed', '5', '--quiet', '--report', `json:${files[name]}`, ...DIFF_SELECTION])
      if (run.code !== (name === 'fault' ? 1 : 0)) throw new Error(`the ${name} run ended ${run.code}: ${run.stdout}${run.stderr}`)
    } finally {
      await server.close()
    }
  }
  return files
}
