/**
 * How the user starts the suite, from where the running package is and where they are: hints print commands in that
 * form, so a pasted hint works. An installed package (under node_modules) is `npx conformance` from the project that
 * installed it; this repository, from its root (where `npm run` puts a script), is `npm run conformance --`, whose
 * script is the bin (npx there would look for a package of that name on the registry).
 */
import { join, relative, resolve, sep } from 'node:path'
import type { CommandHint } from '../run/command.ts'
import { PACKAGE_ROOT } from '../run/paths.ts'
import type { RunOptions } from './options.ts'

export function launcherFor(packageRoot: string, cwd: string): string {
  const root = resolve(packageRoot)
  const here = resolve(cwd)
  if (root.split(sep).includes('node_modules')) {
    // Installed: npx finds the bin from the project folder and any folder below it; from elsewhere (a global
    // install, another project) the bin is on the PATH only as `conformance`.
    // The project is above the first node_modules (pnpm keeps the real folder deeper, under node_modules/.pnpm/).
    const project = root.slice(0, root.indexOf(`${sep}node_modules${sep}`))
    return here === project || here.startsWith(project + sep) ? 'npx conformance' : 'conformance'
  }
  if (here === root) return 'npm run conformance --'
  // A checkout run from elsewhere: the bin by a path that works from here (absolute when it lies outside).
  const bin = join(root, 'bin', 'conformance.mjs')
  const rel = relative(here, bin)
  return `node ${rel.startsWith('..') ? bin : `.${sep}${rel}`}`
}

/** The hint for this run: the launcher, the target's flags, the inputs' flags, and the credentials' variables. */
export function commandHintFor(options: RunOptions, facts: { embedded: boolean; profile: string; defaultProfile: string }, packageRoot = PACKAGE_ROOT, cwd = process.cwd()): CommandHint {
  const launcher = launcherFor(packageRoot, cwd)
  const inputs = [...(facts.profile !== facts.defaultProfile ? ['--profile', facts.profile] : []), ...(options.runs !== undefined ? ['--runs', String(options.runs)] : [])]
  if (options.replay !== undefined) return { launcher, target: ['--replay', options.replay], inputs: [], env: [] }
  if (facts.embedded) return { launcher, target: [], inputs, env: [] }
  const target = ['--target', options.target!, ...(options.serviceSid !== undefined ? ['--service-sid', options.serviceSid] : [])]
  const env = options.apiKey !== undefined ? ['TWILIO_ACCOUNT_SID', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'] : ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']
  return { launcher, target, inputs, env }
}
