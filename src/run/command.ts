/**
 * The commands a run's hints print (a counterexample's replay, "see every request and answer", "run again"), made
 * the way the user can run them where they are: the launcher they use, the flags that reach the same target, and the
 * environment variables the credentials come from. A credential is never printed: a command that needs one names the
 * variable to set, also when the run was given it as a flag.
 */
export interface CommandHint {
  /** How the suite is started here: `npx conformance` (an installed package), `npm run conformance --` (this repository). */
  launcher: string
  /** The flags that reach this run's target again: `--target URL` (and `--service-sid`), `--replay DIR`, or none (embedded). */
  target: string[]
  /** The flags that make the same inputs besides --seed: `--profile`, `--runs`, when they differ from the default. */
  inputs: string[]
  /** The environment variables the command needs set (names, never values); empty when it needs none. */
  env: string[]
}

/** A hint for a run made without one (the mutation gate, tests): the installed form, nothing else known. */
export const PLAIN_HINT: CommandHint = { launcher: 'npx conformance', target: [], inputs: [], env: [] }

/** One command line, ready to paste: `npx conformance msg.x --seed 1 --target http://…`. */
export function commandLine(hint: CommandHint, args: readonly string[]): string {
  return [hint.launcher, ...args, ...hint.target].join(' ')
}

/** The command that judges `id` again with the run's inputs: the seed and what else decides them; a replay needs neither. */
export function rerunCommand(hint: CommandHint, id: string, seed: number, extra: readonly string[] = []): string {
  const replaying = hint.target[0] === '--replay'
  return commandLine(hint, [id, ...(replaying ? [] : ['--seed', String(seed), ...hint.inputs]), ...extra])
}

/** What must be set before the command runs, e.g. "set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN first"; undefined when nothing. */
export function envNote(hint: Pick<CommandHint, 'env'>): string | undefined {
  const names = hint.env
  if (names.length === 0) return undefined
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `with the credentials in ${list} (set ${names.length === 1 ? 'it' : 'them'} first; the suite reads them from the environment)`
}

/** The sweep of this target, as the user runs it (credentials from the same variables): what a killed run leaves is its. */
export function sweepCommand(hint: Pick<CommandHint, 'launcher'>, baseUrl: string): string {
  return `${hint.launcher} sweep --target ${baseUrl}`
}
