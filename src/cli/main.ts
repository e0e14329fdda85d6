import { parseRunOptions } from './options.ts'
import { UsageError } from './usage-error.ts'

/**
 * `conformance [options] [prefix...]` and its subcommands: returns the exit status. Each command is imported only
 * when it runs, so `--help`, `--version` and `--list` load neither vitest nor the HTTP client nor the server.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    switch (argv[0]) {
      case 'validate':
        return await (await import('./validate-command.ts')).validateCommand(argv.slice(1))
      case 'sweep':
        return await (await import('./sweep.ts')).sweepCommand(argv.slice(1), process.env)
      case 'merge':
        return await (await import('./merge.ts')).mergeCommand(argv.slice(1))
      case 'verify':
        return await (await import('./verify.ts')).verifyCommand(argv.slice(1))
      case 'sign':
        return await (await import('./sign.ts')).signCommand(argv.slice(1))
      case 'keygen':
        return (await import('./sign.ts')).keygenCommand(argv.slice(1))
      case 'serve':
        return await (await import('./serve.ts')).serve(argv.slice(1))
      case 'diff':
        return await (await import('./diff-command.ts')).diffCommand(argv.slice(1))
    }
    const { versionLine } = await import('./suite-identity.ts')
    const options = parseRunOptions(argv, process.env, (s) => process.stdout.write(s), versionLine)
    if (options === 'exit') return 0
    if (options.list && options.replay === undefined) {
      // --list contacts nothing and needs nothing but the catalogue (a replay's selection comes from its recording).
      const { listCommand } = await import('./list.ts')
      return listCommand(options)
    }
    return await (await import('./run.ts')).runCommand(options)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`conformance: ${err.message}\n`)
      return 2
    }
    throw err
  }
}
