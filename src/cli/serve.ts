import { serveCommand } from '../../mock/command.ts'

/**
 * `conformance serve`: the reference server as a process (DESIGN.md: the CLI may start the mock), for a team whose
 * tests are not in JavaScript. Its credentials are the flags given or generated ones, never the environment's: it
 * prints them, and a CI job's environment may hold a real account's.
 */
export function serve(argv: readonly string[]): Promise<number> {
  return serveCommand(argv, {
    command: 'conformance serve',
    prefix: 'conformance',
    env: {},
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  })
}
