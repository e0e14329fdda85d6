// Command-line entry point: `tsx mock/main.ts --port 4010 [--fault NAME[,NAME]] [--condition NAME[=VALUE]] ...`.
// Runs the reference server until SIGINT/SIGTERM. Usage errors exit 2 with one line on stderr,
// never a stack trace, because this is what a newcomer runs first.
// Credentials default to the suite's environment variables (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
// TWILIO_API_KEY, TWILIO_API_SECRET), so a mock started by hand and the suite agree without copying
// random values between terminals.
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { CONDITION_PARAMETERS, CONDITIONS } from './conditions.ts'
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

function parseSeed(value: string): number {
  if (!/^[0-9]{1,10}$/.test(value) || Number(value) >= 2 ** 32) throw new InvalidArgumentError('must be an integer from 0 to 4294967295.')
  return Number(value)
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
  apiKey?: string
  apiSecret?: string
  seed?: number
  fault: string[]
  variant: string[]
  condition: string[]
  listFaults?: boolean
  /** False with --no-media-api. */
  mediaApi: boolean
}

/** An environment variable, or undefined when it is unset or empty. */
function fromEnv(name: string): string | undefined {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

/** The conditions table with each value-taking name shown as `name[=UNIT]` and its default in the text. */
function conditionRows(): Record<string, string> {
  const rows: Record<string, string> = {}
  for (const [name, text] of Object.entries(CONDITIONS)) {
    const parameter = CONDITION_PARAMETERS[name]
    rows[parameter === undefined ? name : `${name}[=${parameter.unit}]`] = text
  }
  return rows
}

const program = new Command('mock')
  .description('Run the Conversations Message reference server (in memory, faithful to the documented API).')
  .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 4010)
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('--account-sid <sid>', 'Account SID accepted as the Basic user name (default: $TWILIO_ACCOUNT_SID, else random)')
  .option('--auth-token <token>', 'auth token accepted as the Basic password (default: $TWILIO_AUTH_TOKEN, else random)')
  .option('--api-key <sid>', 'API key SID accepted under api-keys/restricted-key (default: $TWILIO_API_KEY, else random)')
  .option('--api-secret <secret>', "the API key's secret (default: $TWILIO_API_SECRET, else random)")
  .option('--fault <names>', 'switch on fault(s), comma-separated; repeatable (see --list-faults)', collectNames, [])
  .option('--variant <names>', 'switch on allowed variant(s), comma-separated; repeatable', collectNames, [])
  .option('--condition <names>', 'switch on production condition(s), NAME or NAME=VALUE, comma-separated; repeatable', collectNames, [])
  .option('--seed <n>', "seed for the conditions' randomness, to reproduce a run (default: random)", parseSeed)
  .option('--no-media-api', 'answer 404 on the routes that make media and Content templates, as a target without them does (the media and template checks then end "not judged")')
  .option('--list-faults', 'print the available faults, variants and conditions, then exit')
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
  process.stdout.write(`${table('Variants (--variant NAME): each selects a behaviour the doc allows', VARIANTS)}\n`)
  process.stdout.write(table('Conditions (--condition NAME[=VALUE]): each shows a production behaviour a conformant server may have', conditionRows()))
  process.exit(0)
}

const accountSid = opts.accountSid ?? fromEnv('TWILIO_ACCOUNT_SID')
const authToken = opts.authToken ?? fromEnv('TWILIO_AUTH_TOKEN')
const apiKey = opts.apiKey ?? fromEnv('TWILIO_API_KEY')
const apiSecret = opts.apiSecret ?? fromEnv('TWILIO_API_SECRET')

let server: ReferenceServer
try {
  server = await startReferenceServer({
    port: opts.port,
    host: opts.host,
    faults: opts.fault,
    variants: opts.variant,
    conditions: opts.condition,
    mediaApi: opts.mediaApi,
    ...(accountSid !== undefined ? { accountSid } : {}),
    ...(authToken !== undefined ? { authToken } : {}),
    ...(apiKey !== undefined ? { apiKey } : {}),
    ...(apiSecret !== undefined ? { apiSecret } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
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
// The key is only worth printing when the server accepts it.
const keysAccepted = opts.condition.some((c) => /^(api-keys|restricted-key)(=|$)/.test(c))
process.stdout.write(
  [
    `Reference server listening on ${server.url}`,
    `Account SID: ${server.accountSid}`,
    `Auth token:  ${server.authToken}`,
    ...(keysAccepted ? [`API key:     ${server.apiKey}`, `API secret:  ${server.apiSecret}`] : []),
    `Default service: ${server.defaultServiceSid}`,
    `Faults on:   ${listOrNone([...new Set(opts.fault)])}`,
    `Variants on: ${listOrNone([...new Set(opts.variant)])}`,
    `Conditions on: ${listOrNone([...new Set(opts.condition)])}`,
    `Seed:        ${server.seed}`,
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
