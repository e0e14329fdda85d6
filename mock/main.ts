// Command-line entry point: `tsx mock/main.ts --port 4010 [--fault NAME[,NAME]] ...`.
// Runs the reference server until SIGINT/SIGTERM. Usage errors exit 2 with one line on stderr,
// never a stack trace, because this is what a newcomer runs first.
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { FAULTS } from './faults.ts'
import { startReferenceServer, type ReferenceServer } from './server.ts'
import { VARIANTS } from './variants.ts'

const USAGE_EXIT = 2

function fail(message: string): never {
  const line = message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim()
  process.stderr.write(`mock: ${line}\n`)
  process.exit(USAGE_EXIT)
}

function parsePort(value: string): number {
  const port = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN
  if (!(port >= 0 && port <= 65535)) throw new InvalidArgumentError('must be an integer from 0 to 65535.')
  return port
}

/** `--fault a,b --fault c` → ['a', 'b', 'c']. */
function collectNames(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== '')]
}

function table(title: string, rows: Record<string, string>): string {
  const names = Object.keys(rows)
  if (names.length === 0) return `${title}\n  (none)\n`
  const width = Math.max(...names.map((n) => n.length))
  return `${title}\n${names.map((n) => `  ${n.padEnd(width)}  ${rows[n]}`).join('\n')}\n`
}

interface CliOptions {
  port: number
  host: string
  accountSid?: string
  authToken?: string
  fault: string[]
  variant: string[]
  listFaults?: boolean
}

const program = new Command('mock')
  .description('Run the Conversations Message reference server (in memory, faithful to the documented API).')
  .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 4010)
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('--account-sid <sid>', 'Account SID accepted as the Basic user name (default: random)')
  .option('--auth-token <token>', 'auth token accepted as the Basic password (default: random)')
  .option('--fault <names>', 'switch on fault(s), comma-separated; repeatable (see --list-faults)', collectNames, [])
  .option('--variant <names>', 'switch on allowed variant(s), comma-separated; repeatable', collectNames, [])
  .option('--list-faults', 'print the available faults and variants, then exit')
  .allowExcessArguments(false)
  .exitOverride()
  // Commander's own error output can span lines; we print our single line in fail() instead.
  .configureOutput({ outputError: () => {} })

let opts: CliOptions
try {
  program.parse()
  opts = program.opts<CliOptions>()
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) process.exit(0) // --help
    fail(err.message)
  }
  throw err
}

if (opts.listFaults) {
  process.stdout.write(`${table('Faults (--fault NAME): each breaks one documented behaviour', FAULTS)}\n`)
  process.stdout.write(table('Variants (--variant NAME): each selects a behaviour the doc allows', VARIANTS))
  process.exit(0)
}

let server: ReferenceServer
try {
  server = await startReferenceServer({
    port: opts.port,
    host: opts.host,
    faults: opts.fault,
    variants: opts.variant,
    ...(opts.accountSid !== undefined ? { accountSid: opts.accountSid } : {}),
    ...(opts.authToken !== undefined ? { authToken: opts.authToken } : {}),
  })
} catch (err) {
  const e = err as NodeJS.ErrnoException
  const where = `${opts.host}:${opts.port}`
  if (e.code === 'EADDRINUSE') fail(`cannot listen on ${where}: address already in use`)
  if (e.code === 'EACCES') fail(`cannot listen on ${where}: permission denied`)
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') fail(`cannot listen on ${where}: no such local address`)
  fail(e instanceof Error ? e.message : String(e))
}

const listOrNone = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'none')
process.stdout.write(
  [
    `Reference server listening on ${server.url}`,
    `Account SID: ${server.accountSid}`,
    `Auth token:  ${server.authToken}`,
    `Faults on:   ${listOrNone([...new Set(opts.fault)])}`,
    `Variants on: ${listOrNone([...new Set(opts.variant)])}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
)

let stopping = false
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) process.exit(1) // a second Ctrl+C means "now"
  stopping = true
  process.stdout.write(`Received ${signal}, closing.\n`)
  try {
    await server.close()
    process.exit(0)
  } catch (err) {
    process.stderr.write(`mock: error while closing: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
}
process.on('SIGINT', (s) => void stop(s))
process.on('SIGTERM', (s) => void stop(s))
