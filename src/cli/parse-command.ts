import { type Command, CommanderError } from 'commander'
import { UsageError } from './usage-error.ts'

/**
 * Parses a command's arguments with commander (the run's, a subcommand's, the mutation gate's), its help and version
 * going to `out`. Returns true when commander only printed them (the command is done, exit 0). A flag or argument
 * commander refuses becomes one UsageError line, worded by `refusal` from commander's message, never commander's own
 * output and exit.
 */
export function parseCommand(program: Command, argv: readonly string[], out: { write(s: string): unknown }, refusal: (message: string) => string): boolean {
  program.exitOverride().configureOutput({ writeOut: (s) => out.write(s), writeErr: () => {} })
  try {
    program.parse([...argv], { from: 'user' })
    return false
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err
    if (err.exitCode === 0) return true
    throw new UsageError(refusal(err.message.replace(/^error: /, '')))
  }
}
