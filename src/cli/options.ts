import { Command, Option } from 'commander'
import { parseBaseUrl } from '../client/target.ts'
import { parseReportSpec, REPORT_FORMATS, type ReportSpec } from '../report/writers.ts'
import { isProfileName, PROFILES, type ProfileName } from '../run/profiles.ts'
import { parseCommand } from './parse-command.ts'
import { UsageError } from './usage-error.ts'

export interface RunOptions {
  target?: string
  accountSid?: string
  authToken?: string
  /** --api-key SK… and --api-secret: an API key of the account as the Basic credentials. */
  apiKey?: string
  apiSecret?: string
  /** --service-sid IS…: the default Conversation Service, so the run needs no GET /v1/Configuration. */
  serviceSid?: string
  reports: ReportSpec[]
  /** Undefined: chosen by the target (live for twilio.com, ci otherwise). */
  profile?: ProfileName
  seed?: number
  timeoutMs: number
  /** --settle MS: how long a read that verifies a write may wait for the target to agree. */
  settleMs: number
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
  /** What --record does to a folder that already holds a recording. */
  recordExisting: 'refuse' | 'overwrite' | 'merge'
  /** --replay DIR: run offline against the cassettes of an earlier --record. */
  replay?: string
  /** --redact VALUE (repeatable) and CONFORMANCE_REDACT: more values to scrub from recordings. */
  redact: string[]
  /** --ledger-dir DIR: where each run's ledger of created resources is kept (for cleanup and sweep). */
  ledgerDir: string
  /** --shard I/N: run the I-th of N balanced parts of the selection. */
  shard?: { index: number; count: number }
  /** --runs N: property runs per check, overriding the profile. */
  runs?: number
  /** --media-sid ME…: uploaded media of the default service, for the media checks (else they make their own where the target allows). */
  mediaSid?: string
  /** --content-sid HX…: a Content template of the account, for the ContentSid checks (likewise). */
  contentSid?: string
  /** --allow-webhooks: a twilio.com target may get X-Twilio-Webhook-Enabled: true (which fires the account's webhooks). */
  allowWebhooks?: boolean
}

export const DEFAULT_LEDGER_DIR = '.conformance/ledgers'
export const DEFAULT_SETTLE_MS = 5000

const HELP_AFTER = `
Exit status:
  0  every "must" requirement passed
  1  at least one "must" requirement failed (the report names it); with --level should, a "should" one too;
     or an entry of the --expect file has expired
  2  the run could not judge: bad flag, target unreachable or not the API, credentials rejected, setup failures,
     a check out of time, the target rate limiting throughout
  130, 143  interrupted by SIGINT (Ctrl+C) or SIGTERM: what the run made was deleted, the reports say INCOMPLETE

Examples (inside this repository use "npm run conformance --" in place of "npx conformance"):
  npx conformance                                   run everything against the embedded reference server
  npx conformance --target http://127.0.0.1:4010 --account-sid AC… --auth-token …
  npx conformance --target https://conversations.twilio.com --api-key SK… --api-secret … --account-sid AC…
  npx conformance msg.create msg.list               only requirements whose ID starts with these prefixes
  npx conformance --report json:reports/run.json    also write the machine-readable report
  npx conformance --report junit:reports/junit.xml --report html:reports/certificate.html --report markdown:reports/summary.md
  npx conformance --list msg.list                   print the requirements a run would judge, contact nothing
  npx conformance --expect expectations/reference-create-200.json   known failures do not fail the run
  npx conformance --seed 1 --record recordings/run1  record every exchange, one cassette per check (redacted)
  npx conformance --replay recordings/run1          the same run offline, answered from the cassettes
  npx conformance --shard 1/2 --seed 7 --report json:shard1.json   half the requirements (CI matrix)

Commands:
  npx conformance validate FILE...                  validate recorded responses (cassettes, nock files, HAR, bare
                                                    JSON bodies) without a target; see validate --help
  npx conformance sweep --target URL [--dry-run]    delete what earlier runs left behind (from their ledgers and
                                                    the conformance-suite marker); see sweep --help
  npx conformance merge A.json B.json --report FORMAT:PATH   join shard reports into one run report
  npx conformance verify DIR                        re-derive a certification bundle's verdict offline (--public-key:
                                                    its signature; --against URL: a sample re-run live)
  npx conformance sign DIR --key KEY                sign a bundle (Ed25519); keygen DIR makes a key pair
  npx conformance diff BEFORE.json AFTER.json       what changed between two run reports (statuses, readings,
                                                    properties, error codes, latency); see diff --help
  npx conformance serve --port 0                    run the reference server until Ctrl+C, printing its URL and
                                                    credentials (faults, variants, conditions); see serve --help

Credentials: --account-sid/--auth-token (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN), or an API key: --api-key/
--api-secret (TWILIO_API_KEY, TWILIO_API_SECRET) with --account-sid naming the account. They are sent only to the
--target origin; reports, recordings and logs never contain the secret or an Authorization header.
A target on twilio.com gets the live profile (paced, few property runs) unless --profile says otherwise, never gets
X-Twilio-Webhook-Enabled: true unless --allow-webhooks is given, and judges the media and ContentSid requirements
only with --media-sid and --content-sid (TWILIO_MEDIA_SID, TWILIO_CONTENT_SID): Twilio's Media and Content APIs are on
other origins, where the run sends no credentials. Any other target: the checks make their own where it allows.`

/** Parses argv (without node and script). Throws UsageError for anything the user must fix. */
export function parseRunOptions(argv: readonly string[], env: NodeJS.ProcessEnv, write: (s: string) => void, version: () => string): RunOptions | 'exit' {
  const program = new Command('conformance')
    .description('Conformance suite for the Twilio Conversations Message API: one verdict per requirement.')
    .argument('[requirement-prefix...]', 'run only requirements whose ID starts with one of these (e.g. msg.create)')
    .option('--target <url>', 'API base URL without /v1 (default: start the embedded reference server)')
    .option('--account-sid <sid>', 'the account (AC…): Basic user, or the account behind --api-key (default: $TWILIO_ACCOUNT_SID)')
    .option('--auth-token <token>', 'the account auth token (default: $TWILIO_AUTH_TOKEN)')
    .option('--api-key <sid>', 'an API key (SK…) to authenticate with instead of the auth token (default: $TWILIO_API_KEY)')
    .option('--api-secret <secret>', 'the API key secret (default: $TWILIO_API_SECRET)')
    .option('--service-sid <sid>', 'the default Conversation Service (IS…); skips GET /v1/Configuration (default: $TWILIO_CONVERSATIONS_SERVICE_SID)')
    .option('--media-sid <sid>', 'uploaded media (ME…) of the default service for the media checks; needed for a twilio.com target (default: $TWILIO_MEDIA_SID)')
    .option('--content-sid <sid>', 'a Content template (HX…) for the ContentSid checks; needed for a twilio.com target (default: $TWILIO_CONTENT_SID)')
    .option('--allow-webhooks', "let a twilio.com target get X-Twilio-Webhook-Enabled: true, which fires the account's webhooks (default: never sent there)")
    .option('--report <format:path>', `write a report; repeatable; formats: ${REPORT_FORMATS.join(', ')}`, collect, [])
    .addOption(new Option('--profile <name>', 'ci: fast, concurrent; live: few runs, sequential, paced (default: live for a twilio.com target, else ci)').choices(Object.keys(PROFILES)))
    .option('--seed <n>', 'seed for generated inputs (replays a run)')
    .option('--runs <n>', 'property runs per check, overriding the profile (e.g. 10000 for a certification)')
    .option('--shard <i/n>', 'run only the i-th of n parts of the selection, balanced by recorded cost (merge the reports with "merge")')
    .option('--timeout <ms>', 'time limit of each HTTP request in milliseconds', '10000')
    .option('--settle <ms>', 'how long a read that checks a write may wait for the target to show it (lists that lag)', String(DEFAULT_SETTLE_MS))
    .option('--list', 'print the requirements (ID, level, summary) that would run, then exit; contacts nothing')
    .addOption(new Option('--level <level>', 'the level whose failures fail the run: must, or should (should failures fail it too)').choices(['must', 'should']).default('must'))
    .option('--expect <file>', 'known failures of this target (JSON, schemas/expectations.json): reported, not failing the run')
    .addOption(new Option('-q, --quiet', 'print only the failures (should included) and the verdict').conflicts('verbose'))
    .option('-v, --verbose', 'also print observations and the evidence (requests and responses) of failures')
    .addOption(new Option('--record <dir>', 'save every exchange of the run in DIR: one cassette per check (nock definitions), the preflight and a manifest; secrets redacted').conflicts('replay'))
    .addOption(new Option('--record-overwrite', 'with --record: replace the recording already in DIR').conflicts('recordMerge'))
    .option('--record-merge', 'with --record: keep the cassettes of checks this run does not re-run, replace the others')
    .addOption(new Option('--replay <dir>', 'run offline against the cassettes of an earlier --record (seed, profile and selection come from its manifest)').conflicts(['target', 'seed']))
    .option('--redact <value>', 'with --record: another value to scrub from the recording; repeatable (also $CONFORMANCE_REDACT, comma-separated)', collect, [])
    .option('--ledger-dir <dir>', 'where each run writes down what it creates, for its cleanup and for "sweep"', DEFAULT_LEDGER_DIR)
    .version(version(), '-V, --version', 'print the suite version and the size of the catalogue')
    .addHelpText('after', HELP_AFTER)
    .allowExcessArguments(false)
  if (parseCommand(program, argv, { write }, (message) => `${message} (see --help)`)) return 'exit' // --help or --version
  const o = program.opts<{
    target?: string
    accountSid?: string
    authToken?: string
    apiKey?: string
    apiSecret?: string
    serviceSid?: string
    mediaSid?: string
    contentSid?: string
    allowWebhooks?: boolean
    report: string[]
    profile?: string
    seed?: string
    runs?: string
    shard?: string
    timeout: string
    settle: string
    list?: boolean
    level: 'must' | 'should'
    expect?: string
    quiet?: boolean
    verbose?: boolean
    record?: string
    recordOverwrite?: boolean
    recordMerge?: boolean
    replay?: string
    redact: string[]
    ledgerDir: string
  }>()
  try {
    if (o.target !== undefined) checkTarget(o.target)
    const timeoutMs = wholeNumber('--timeout', o.timeout, 100)
    const settleMs = wholeNumber('--settle', o.settle, 0)
    const seed = o.seed === undefined ? undefined : Number(o.seed)
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed "${o.seed}" must be an integer`)
    if (o.profile !== undefined && !isProfileName(o.profile)) throw new Error(`--profile "${o.profile}" is not known`)
    if (o.redact.length > 0 && o.record === undefined) throw new Error('--redact only applies to a recording: add --record DIR')
    if ((o.recordOverwrite || o.recordMerge) && o.record === undefined) throw new Error(`--record-${o.recordOverwrite ? 'overwrite' : 'merge'} only applies to a recording: add --record DIR`)
    const apiKey = pick(o.apiKey, env.TWILIO_API_KEY)
    const apiSecret = pick(o.apiSecret, env.TWILIO_API_SECRET)
    if (apiKey !== undefined && !/^SK[0-9a-fA-F]{32}$/.test(apiKey)) throw new Error(`--api-key "${apiKey.slice(0, 6)}…" is not an API key SID (SK and 32 hex digits)`)
    const serviceSid = pick(o.serviceSid, env.TWILIO_CONVERSATIONS_SERVICE_SID)
    if (serviceSid !== undefined && !/^IS[0-9a-fA-F]{32}$/.test(serviceSid)) throw new Error(`--service-sid "${serviceSid}" is not a Conversation Service SID (IS and 32 hex digits)`)
    const mediaSid = pick(o.mediaSid, env.TWILIO_MEDIA_SID)
    if (mediaSid !== undefined && !/^ME[0-9a-fA-F]{32}$/.test(mediaSid)) throw new Error(`--media-sid "${mediaSid}" is not a media SID (ME and 32 hex digits)`)
    const contentSid = pick(o.contentSid, env.TWILIO_CONTENT_SID)
    if (contentSid !== undefined && !/^HX[0-9a-fA-F]{32}$/.test(contentSid)) throw new Error(`--content-sid "${contentSid}" is not a Content template SID (HX and 32 hex digits)`)
    const accountSid = pick(o.accountSid, env.TWILIO_ACCOUNT_SID)
    const authToken = pick(o.authToken, env.TWILIO_AUTH_TOKEN)
    return {
      ...(o.target !== undefined ? { target: o.target } : {}),
      ...(accountSid !== undefined ? { accountSid } : {}),
      ...(authToken !== undefined ? { authToken } : {}),
      ...(apiKey !== undefined ? { apiKey } : {}),
      ...(apiSecret !== undefined ? { apiSecret } : {}),
      ...(serviceSid !== undefined ? { serviceSid } : {}),
      ...(mediaSid !== undefined ? { mediaSid } : {}),
      ...(contentSid !== undefined ? { contentSid } : {}),
      ...(o.allowWebhooks ? { allowWebhooks: true } : {}),
      reports: o.report.map(parseReportSpec),
      ...(o.profile !== undefined ? { profile: o.profile as ProfileName } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(o.runs !== undefined ? { runs: wholeNumber('--runs', o.runs, 1) } : {}),
      ...(o.shard !== undefined ? { shard: parseShard(o.shard) } : {}),
      timeoutMs,
      settleMs,
      select: program.args,
      list: o.list === true,
      level: o.level,
      ...(o.expect !== undefined ? { expect: o.expect } : {}),
      output: o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal',
      ...(o.record !== undefined ? { record: o.record } : {}),
      recordExisting: o.recordOverwrite ? 'overwrite' : o.recordMerge ? 'merge' : 'refuse',
      ...(o.replay !== undefined ? { replay: o.replay } : {}),
      redact: [...o.redact, ...(env.CONFORMANCE_REDACT ?? '').split(',')].filter((v) => v !== ''),
      ledgerDir: o.ledgerDir,
    }
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** A base URL the suite can use; a trailing /v1 is a common slip, and gets a one-line correction rather than silence. */
export function checkTarget(raw: string): void {
  const url = parseBaseUrl(raw)
  if (/\/v1\/?$/.test(new URL(raw).pathname)) {
    throw new Error(`--target "${raw}" ends in /v1, but the suite adds /v1 itself: use --target ${url.origin}${url.pathname.replace(/\/+$/, '')}`)
  }
}

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = m ? Number(m[1]) : NaN
  const count = m ? Number(m[2]) : NaN
  if (!(count >= 1 && index >= 1 && index <= count)) throw new Error(`--shard "${text}" must be I/N with 1 <= I <= N, e.g. --shard 1/2`)
  return { index, count }
}

/** A flag's whole number, at least `min`; anything else is an Error naming the flag. */
export function wholeNumber(flag: string, text: string, min: number): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} "${text}" must be a whole number, at least ${min}`)
  return n
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** A flag's value, else the environment variable's when it is set and not empty. */
export function pick(flag: string | undefined, env: string | undefined): string | undefined {
  return flag ?? (env ? env : undefined)
}
