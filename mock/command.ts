// The reference server as a command: `npm run mock` (mock/main.ts) in this repository, `conformance serve` from the
// installed package (src/cli/main.ts). One implementation, so both take the same flags and print the same lines.
// It runs until SIGINT/SIGTERM, then closes the server and resolves 0. Usage errors are one line on stderr and 2,
// never a stack trace, because this is what a newcomer runs first.
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { CONDITION_PARAMETERS, CONDITIONS } from './conditions.ts'
import { FAULTS } from './faults.ts'
import { startReferenceServer, type ReferenceServer } from './server.ts'
import { VARIANTS } from './variants.ts'

export interface ServeIo {
  /** The command as the user typed it, for --help: `mock` or `conformance serve`. */
  command: string
  /** What starts each error line: `mock` or `conformance`. */
  prefix: string
  /**
   * Where default credentials come from: the suite's variables (TWILIO_ACCOUNT_SID, …) for `npm run mock`, so a mock
   * started by hand and a run agree; none for `conformance serve`, which generates them, so it never prints a real
   * secret that happens to be in a CI job's environment.
   */
  env: Readonly<Record<string, string | undefined>>
  out(text: string): void
  err(text: string): void
  /** Resolves with the signal that should stop the server (SIGINT or SIGTERM). */
  stopSignal?: Promise<NodeJS.Signals>
}

const USAGE_EXIT = 2

class ServeUsage extends Error {}

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

/** The conditions table with each value-taking name shown as `name[=UNIT]` and its default in the text. */
function conditionRows(): Record<string, string> {
  const rows: Record<string, string> = {}
  for (const [name, text] of Object.entries(CONDITIONS)) {
    const parameter = CONDITION_PARAMETERS[name]
    rows[parameter === undefined ? name : `${name}[=${parameter.unit}]`] = text
  }
  return rows
}

interface ServeOptions {
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
  json?: boolean
  /** False with --no-media-api. */
  mediaApi: boolean
}

function program(io: ServeIo): Command {
  const fromEnv = Object.keys(io.env).length > 0
  const dflt = (variable: string) => (fromEnv ? `(default: $${variable}, else random)` : '(default: random, printed)')
  return new Command(io.command)
    .description('Run the Conversations Message reference server (in memory, faithful to the documented API) until Ctrl+C or SIGTERM.')
    .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 4010)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--account-sid <sid>', `Account SID accepted as the Basic user name ${dflt('TWILIO_ACCOUNT_SID')}`)
    .option('--auth-token <token>', `auth token accepted as the Basic password ${dflt('TWILIO_AUTH_TOKEN')}`)
    .option('--api-key <sid>', `API key SID accepted under api-keys/restricted-key ${dflt('TWILIO_API_KEY')}`)
    .option('--api-secret <secret>', `the API key's secret ${dflt('TWILIO_API_SECRET')}`)
    .option('--fault <names>', 'switch on fault(s), comma-separated; repeatable (see --list-faults)', collectNames, [])
    .option('--variant <names>', 'switch on allowed variant(s), comma-separated; repeatable', collectNames, [])
    .option('--condition <names>', 'switch on production condition(s), NAME or NAME=VALUE, comma-separated; repeatable', collectNames, [])
    .option('--seed <n>', "seed for the conditions' randomness, to reproduce a run (default: random)", parseSeed)
    .option('--json', 'print one JSON object (url, credentials, default service, seed, switches) on one line, nothing else')
    .option('--no-media-api', 'answer 404 on the routes that make media and Content templates, as a target without them does (the media and template checks then end "not judged")')
    .option('--list-faults', 'print the available faults, variants and conditions, then exit')
    .addHelpText(
      'after',
      '\nThe first line printed is the URL and the credentials as shell assignments, for a script:\n' +
        '  CONFORMANCE_TARGET=http://127.0.0.1:4010 TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=…\n' +
        'so `export $(head -n 1 FILE)` sets what a run (npx conformance --target "$CONFORMANCE_TARGET") and an SDK read.',
    )
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} })
}

/** A value as a shell word: bare when it is safe, else single-quoted. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_.:/@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/** The one line a script reads: the URL and the credentials the server accepts, as shell assignments. */
export function serveLine(server: Pick<ReferenceServer, 'url' | 'accountSid' | 'authToken' | 'apiKey' | 'apiSecret'>, keysAccepted: boolean): string {
  const pairs: Array<[string, string]> = [
    ['CONFORMANCE_TARGET', server.url],
    ['TWILIO_ACCOUNT_SID', server.accountSid],
    ['TWILIO_AUTH_TOKEN', server.authToken],
    ...(keysAccepted ? ([['TWILIO_API_KEY', server.apiKey], ['TWILIO_API_SECRET', server.apiSecret]] as Array<[string, string]>) : []),
  ]
  return pairs.map(([k, v]) => `${k}=${shellWord(v)}`).join(' ')
}

function signalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
}

/** Runs the command; resolves with the exit status once the server has closed (or at once, for --help and errors). */
export async function serveCommand(argv: readonly string[], io: ServeIo): Promise<number> {
  try {
    return await serve(argv, io)
  } catch (err) {
    if (!(err instanceof ServeUsage)) throw err
    io.err(`${io.prefix}: ${err.message}\n`)
    return USAGE_EXIT
  }
}

async function serve(argv: readonly string[], io: ServeIo): Promise<number> {
  const cmd = program(io)
  try {
    cmd.parse([...argv], { from: 'user' })
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err
    if (err.exitCode === 0) return 0 // --help
    throw new ServeUsage(`${err.message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim()} (see ${io.command} --help)`)
  }
  const opts = cmd.opts<ServeOptions>()

  if (opts.listFaults) {
    io.out(`${table('Faults (--fault NAME): each breaks one documented behaviour', FAULTS)}\n`)
    io.out(`${table('Variants (--variant NAME): each selects a behaviour the doc allows', VARIANTS)}\n`)
    io.out(table('Conditions (--condition NAME[=VALUE]): each shows a production behaviour a conformant server may have', conditionRows()))
    return 0
  }

  /** A flag, else a non-empty variable of io.env. */
  const given = (flag: string | undefined, variable: string) => flag ?? (io.env[variable] === '' ? undefined : io.env[variable])
  const credentials = {
    accountSid: given(opts.accountSid, 'TWILIO_ACCOUNT_SID'),
    authToken: given(opts.authToken, 'TWILIO_AUTH_TOKEN'),
    apiKey: given(opts.apiKey, 'TWILIO_API_KEY'),
    apiSecret: given(opts.apiSecret, 'TWILIO_API_SECRET'),
  }
  // Listen for the signals before the server starts, so a signal during start-up still closes it.
  const stop = io.stopSignal ?? signalled()
  let server: ReferenceServer
  try {
    server = await startReferenceServer({
      port: opts.port,
      host: opts.host,
      faults: opts.fault,
      variants: opts.variant,
      conditions: opts.condition,
      mediaApi: opts.mediaApi,
      ...Object.fromEntries(Object.entries(credentials).filter(([, v]) => v !== undefined)),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    })
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    const where = `${opts.host}:${opts.port}`
    if (e.code === 'EADDRINUSE') throw new ServeUsage(`cannot listen on ${where}: address already in use`)
    if (e.code === 'EACCES') throw new ServeUsage(`cannot listen on ${where}: permission denied`)
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') throw new ServeUsage(`cannot listen on ${where}: no such local address`)
    // An unknown switch or a bad switch value: startReferenceServer's message names the valid ones.
    throw new ServeUsage((e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' '))
  }

  const unique = (names: readonly string[]) => [...new Set(names)]
  // The key is only worth printing when the server accepts it.
  const keysAccepted = opts.condition.some((c) => /^(api-keys|restricted-key)(=|$)/.test(c))
  if (opts.json) {
    const keys = keysAccepted ? { apiKey: server.apiKey, apiSecret: server.apiSecret } : {}
    const switches = { faults: unique(opts.fault), variants: unique(opts.variant), conditions: unique(opts.condition) }
    io.out(`${JSON.stringify({ url: server.url, accountSid: server.accountSid, authToken: server.authToken, ...keys, defaultServiceSid: server.defaultServiceSid, seed: server.seed, ...switches })}\n`)
  } else {
    const listOrNone = (names: readonly string[]) => (names.length > 0 ? unique(names).join(', ') : 'none')
    io.out(
      [
        serveLine(server, keysAccepted),
        `Reference server listening on ${server.url}`,
        `Account SID: ${server.accountSid}`,
        `Auth token:  ${server.authToken}`,
        ...(keysAccepted ? [`API key:     ${server.apiKey}`, `API secret:  ${server.apiSecret}`] : []),
        `Default service: ${server.defaultServiceSid}`,
        `Faults on:   ${listOrNone(opts.fault)}`,
        `Variants on: ${listOrNone(opts.variant)}`,
        `Conditions on: ${listOrNone(opts.condition)}`,
        `Seed:        ${server.seed}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    )
  }

  const signal = await stop
  if (!opts.json) io.out(`Received ${signal}, closing.\n`)
  // A second signal while closing means "now".
  const again = signalled().then(() => 1)
  try {
    return await Promise.race([server.close().then(() => 0), again])
  } catch (err) {
    io.err(`${io.prefix}: error while closing: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}
