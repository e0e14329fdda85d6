/**
 * `conformance validate FILE...`: judges recorded responses with no target at all.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Command } from 'commander'
import { readRecordedFile, UnusableInput } from '../validate/inputs.ts'
import { type FileResult, judgeFile } from '../validate/judge.ts'
import { buildValidationReport, printValidationReport } from '../validate/report.ts'
import { parseCommand } from './parse-command.ts'
import { UsageError } from './usage-error.ts'
import { makeFolders } from '../run/folders.ts'

const HELP_AFTER = `
What it reads (recognised by content, not by name):
  cassettes        this suite's --record output: DIR/*.json, one JSON array of interactions per check
  nock files       a JSON array of nock definitions ({scope, method, path, status, response, rawHeaders|headers})
  HAR files        exported from a browser's developer tools or a proxy ({log: {entries: [...]}}); entries that
                   are not Conversations Message operations are listed as not judged
  bare bodies      one JSON response body: a page (meta + messages), an error (code + status + more_info) or a
                   message (sid "IM…"); its status and headers are unknown, so only the body is judged
A directory stands for its *.json and *.har files.

What it judges, for each recorded exchange: the operation from the method and path (create, fetch, list, update,
delete; default or service scope), its status (201 create, 200 fetch/list/update, 204 and no body for delete, 4xx
and 5xx as Twilio errors), the JSON content type, and the body: the schemas, SID patterns, attributes a JSON
string, the url path and links (url + /Receipts, /ChannelMetadata), RFC 3339 dates, the delivery summary, the page
meta (key "messages", page size, order, previous_page_url on a first page), an error's status equal to the HTTP
status. Each finding names the JSON pointer, the rule, the requirement ID and its doc link.

Exit status:
  0  every judged response passed (should-level findings are reported only)
  1  at least one must-level finding
  2  no must-level finding, but a file could not be used (not JSON, truncated, not a recording) or nothing was judged

Examples:
  conformance validate fixtures/doc-examples/create.json fixtures/doc-examples/fetch.json
  conformance validate fixtures/cassettes                 every cassette of a recording
  conformance validate session.har --report json:reports/validation.json`

interface ValidateOptions {
  report?: string
  quiet?: boolean
  verbose?: boolean
}

export async function validateCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const program = new Command('conformance validate')
    .description('Validate recorded responses (cassettes, nock files, HAR files, bare JSON bodies) against the requirements that one response can show; needs no target.')
    .argument('<file...>', 'files or directories to validate')
    .option('--report <format:path>', 'also write the result as JSON (json:PATH)')
    .option('-q, --quiet', 'print only failing and unusable files')
    .option('-v, --verbose', 'also list every exchange that passed or was not judged')
    .addHelpText('after', HELP_AFTER)
  if (parseCommand(program, argv, out, (message) => `${message} (see conformance validate --help)`)) return 0
  const o = program.opts<ValidateOptions>()
  let reportPath: string | undefined
  if (o.report !== undefined) {
    const m = /^json:(.+)$/.exec(o.report)
    if (!m) throw new UsageError(`--report "${o.report}": conformance validate writes json:PATH only`)
    reportPath = m[1]!
  }
  const results = expand(program.args).map(validateOne)
  const report = buildValidationReport(results)
  printValidationReport(report, out, o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal')
  if (reportPath) {
    makeFolders(dirname(reportPath))
    writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n')
    if (!o.quiet) out.write(`report written: ${reportPath}\n`)
  }
  return report.exitCode
}

/** One file's result; an unusable file is a result too, so the others still run. */
function validateOne(file: string): FileResult {
  try {
    return judgeFile(readRecordedFile(file))
  } catch (err) {
    if (err instanceof UnusableInput) return { file, verdict: 'unusable', error: err.message, exchanges: [] }
    throw err
  }
}

/** Directories stand for their *.json and *.har files, in name order. */
function expand(args: readonly string[]): string[] {
  return args.flatMap((a) => {
    let dir = false
    try {
      dir = statSync(a).isDirectory()
    } catch {
      // missing: reported as unusable by readRecordedFile
    }
    if (!dir) return [a]
    return readdirSync(a)
      .filter((f) => /\.(json|har)$/i.test(f))
      .sort()
      .map((f) => join(a, f))
  })
}
