import { Command, CommanderError, Option } from 'commander'
import { parseBaseUrl } from '../client/target.ts'
import { isProfileName, PROFILES, type ProfileName } from '../harness/profiles.ts'
import { parseReportSpec, REPORT_FORMATS, type ReportSpec } from '../report/writers.ts'
import { UsageError } from './usage-error.ts'

export interface RunOptions {
  target?: string
  accountSid?: string
  authToken?: string
  reports: ReportSpec[]
  profile: ProfileName
  seed?: number
  timeoutMs: number
  select: string[]
  /** --list: print the selected requirements and exit, contacting nothing. */
  list: boolean
  /** The level whose failures fail the run (--level). */
  level: 'must' | 'should'
  /** --expect FILE: known failures of this target. */
  expect?: string
  /** --quiet / --verbose. */
  output: 'quiet' | 'normal' | 'verbose'
  /** --record DIR: save every exchange, one cassette per check (src/record/). */
  record?: string
  /** --replay DIR: run offline against the cassettes of an earlier --record. */
  replay?: string
  /** --redact VALUE (repeatable) and CONFORMANCE_REDACT: more values to scrub from recordings. */
  redact: string[]
}

const HELP_AFTER = `
Exit status:
  0  every "must" requirement passed
  1  at least one "must" requirement failed (the report names it); with --level should, a "should" one too;
     or an entry of the --expect file has expired
  2  the run could not judge: bad flag, target unreachable or not the API, credentials rejected, setup failures

Examples:
  conformance                                   run everything against the embedded reference server
  conformance --target http://127.0.0.1:4010 --account-sid AC… --auth-token …
  conformance msg.create msg.list               only requirements whose ID starts with these prefixes
  conformance --report json:reports/run.json    also write the machine-readable report
  conformance --report junit:reports/junit.xml --report html:reports/certificate.html --report markdown:reports/summary.md
  conformance --list msg.list                   print the requirements a run would judge, contact nothing
  conformance --expect expectations/reference-create-200.json   known failures do not fail the run
  conformance --seed 1 --record recordings/run1  record every exchange, one cassette per check (redacted)
  conformance --replay recordings/run1          the same run offline, answered from the cassettes

Commands:
  conformance validate FILE...                  validate recorded responses (cassettes, nock files, HAR, bare
                                                JSON bodies) without a target; see conformance validate --help

Credentials default to TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN. They are sent only to the --target origin;
reports never contain the auth token or an Authorization header.`

/** Parses argv (without node and script). Throws UsageError for anything the user must fix. */
export function parseRunOptions(argv: readonly string[], env: NodeJS.ProcessEnv, write: (s: string) => void): RunOptions | 'exit' {
  const program = new Command('conformance')
    .description('Conformance suite for the Twilio Conversations Message API: one verdict per requirement.')
    .argument('[requirement-prefix...]', 'run only requirements whose ID starts with one of these (e.g. msg.create)')
    .option('--target <url>', 'API base URL without /v1 (default: start the embedded reference server)')
    .option('--account-sid <sid>', 'Account SID for HTTP Basic auth (default: $TWILIO_ACCOUNT_SID)')
    .option('--auth-token <token>', 'Auth token for HTTP Basic auth (default: $TWILIO_AUTH_TOKEN)')
    .option('--report <format:path>', `write a report; repeatable; formats: ${REPORT_FORMATS.join(', ')}`, collect, [])
    .addOption(new Option('--profile <name>', 'ci: fast, parallel; live: few runs, sequential, rate-limited').choices(Object.keys(PROFILES)).default('ci'))
    .option('--seed <n>', 'seed for generated inputs (replays a run)')
    .option('--timeout <ms>', 'time limit of each HTTP request in milliseconds', '10000')
    .option('--list', 'print the requirements (ID, level, summary) that would run, then exit; contacts nothing')
    .addOption(new Option('--level <level>', 'the level whose failures fail the run: must, or should (should failures fail it too)').choices(['must', 'should']).default('must'))
    .option('--expect <file>', 'known failures of this target (JSON, schemas/expectations.json): reported, not failing the run')
    .addOption(new Option('-q, --quiet', 'print only the failures and the verdict').conflicts('verbose'))
    .option('-v, --verbose', 'also print observations and the evidence (requests and responses) of failures')
    .addOption(new Option('--record <dir>', 'save every exchange of the run in DIR: one cassette per check (nock definitions), the preflight and a manifest; secrets redacted').conflicts('replay'))
    .addOption(new Option('--replay <dir>', 'run offline against the cassettes of an earlier --record (seed, profile and selection come from its manifest)').conflicts(['target', 'seed']))
    .option('--redact <value>', 'with --record: another value to scrub from the recording; repeatable (also $CONFORMANCE_REDACT, comma-separated)', collect, [])
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: () => {} })
    .allowExcessArguments(false)
  try {
    program.parse([...argv], { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 'exit' // --help or --version
      throw new UsageError(`${err.message.replace(/^error: /, '')} (see conformance --help)`)
    }
    throw err
  }
  const o = program.opts<{ target?: string; accountSid?: string; authToken?: string; report: string[]; profile: string; seed?: string; timeout: string; list?: boolean; level: 'must' | 'should'; expect?: string; quiet?: boolean; verbose?: boolean; record?: string; replay?: string; redact: string[] }>()
  try {
    if (o.target !== undefined) parseBaseUrl(o.target)
    const timeoutMs = Number(o.timeout)
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100) throw new Error(`--timeout "${o.timeout}" must be a whole number of milliseconds, at least 100`)
    const seed = o.seed === undefined ? undefined : Number(o.seed)
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed "${o.seed}" must be an integer`)
    if (!isProfileName(o.profile)) throw new Error(`--profile "${o.profile}" is not known`)
    if (o.redact.length > 0 && o.record === undefined) throw new Error('--redact only applies to a recording: add --record DIR')
    return {
      ...(o.target !== undefined ? { target: o.target } : {}),
      ...(pick(o.accountSid, env.TWILIO_ACCOUNT_SID) !== undefined ? { accountSid: pick(o.accountSid, env.TWILIO_ACCOUNT_SID) } : {}),
      ...(pick(o.authToken, env.TWILIO_AUTH_TOKEN) !== undefined ? { authToken: pick(o.authToken, env.TWILIO_AUTH_TOKEN) } : {}),
      reports: o.report.map(parseReportSpec),
      profile: o.profile,
      ...(seed !== undefined ? { seed } : {}),
      timeoutMs,
      select: program.args,
      list: o.list === true,
      level: o.level,
      ...(o.expect !== undefined ? { expect: o.expect } : {}),
      output: o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal',
      ...(o.record !== undefined ? { record: o.record } : {}),
      ...(o.replay !== undefined ? { replay: o.replay } : {}),
      redact: [...o.redact, ...(env.CONFORMANCE_REDACT ?? '').split(',')].filter((v) => v !== ''),
    }
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function pick(flag: string | undefined, env: string | undefined): string | undefined {
  return flag ?? (env ? env : undefined)
}
