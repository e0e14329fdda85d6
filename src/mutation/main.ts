import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Command } from 'commander'
import { parseCommand } from '../cli/parse-command.ts'
import { UsageError } from '../cli/usage-error.ts'
import { renderMutationMarkdown } from './render.ts'
import { FAULT_TARGETS } from '../../mock/faults.ts'
import { runSubjects, type SubjectOutcome } from './run-subject.ts'
import { missedTargets, score } from './score.ts'
import { planSubjects } from './subjects.ts'
import { makeFolders } from '../run/folders.ts'

/**
 * `npm run mutation`: the suite against the clean reference server, against every seeded fault and against the
 * allowed variants, in parallel child processes. Writes reports/mutation.md and reports/mutation.json.
 * Exit 0 when the clean server and every variant pass and the score is at least --min-score; 1 otherwise.
 */
async function main(argv: string[]): Promise<number> {
  const program = new Command('mutation')
    .description('Measure the suite: seeded faults it must catch, allowed variations it must accept.')
    .option('--fault <name...>', 'only these faults (default: every fault in mock/faults.ts)')
    .option('--no-variants', 'skip the variant runs')
    .option('--no-conditions', 'skip the production-condition runs')
    .option('--min-score <ratio>', 'fail below this share of killed faults (0..1)', '1')
    .option('--seed <n>', 'seed for generated inputs, the same for every run')
    .option('--out <dir>', 'where to write mutation.md and mutation.json', 'reports')
  try {
    if (parseCommand(program, argv, process.stdout, (message) => message)) return 0
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message)
    throw err
  }
  const o = program.opts<{ fault?: string[]; variants: boolean; conditions: boolean; minScore: string; seed?: string; out: string }>()
  const minScore = Number(o.minScore)
  if (!(minScore >= 0 && minScore <= 1)) return usage(`--min-score "${o.minScore}" must be between 0 and 1`)
  let subjects
  try {
    subjects = planSubjects({ ...(o.fault ? { faults: o.fault } : {}), variants: o.variants, conditions: o.conditions })
  } catch (err) {
    return usage((err as Error).message)
  }
  const seed = o.seed !== undefined ? Number(o.seed) : randomBytes(4).readUInt32BE() % 2 ** 31
  const started = Date.now()
  // First each fault against only the requirements it is aimed at (mock/faults.ts), everything else against the
  // whole suite, all in one run; then, for a fault whose targets did not all turn red, the whole suite.
  process.stdout.write(`mutation: ${subjects.length} reference servers (${subjects.filter((s) => s.kind === 'fault').length} faults against the requirements each is aimed at), one run, seed ${seed}\n`)
  const first = await runSubjects(subjects, seed, (s) => (s.kind === 'fault' ? [...(FAULT_TARGETS[s.name] ?? [])] : []))
  const missed = first.filter((o) => o.subject.kind === 'fault' && missedTargets(o).length > 0)
  if (missed.length > 0) process.stdout.write(`mutation: ${missed.length} fault${missed.length === 1 ? '' : 's'} did not turn every target red; again against the whole suite: ${missed.map((o) => o.subject.name).join(', ')}\n`)
  const second = missed.length > 0 ? await runSubjects(missed.map((o) => o.subject), seed, () => []) : []
  const outcomes = first.map((o) => second.find((s) => s.subject.name === o.subject.name) ?? o)
  for (const o of outcomes) process.stdout.write(`${line(o)}\n`)
  const result = score(outcomes, seed, Date.now() - started, minScore, o.fault === undefined)
  const markdown = renderMutationMarkdown(result)
  const out = resolve(o.out)
  makeFolders(out)
  await writeFile(join(out, 'mutation.md'), markdown)
  await writeFile(join(out, 'mutation.json'), JSON.stringify(result, null, 2) + '\n')
  process.stdout.write(`\n${markdown}\nwritten: ${join(out, 'mutation.md')}, ${join(out, 'mutation.json')}\n`)
  return result.problems.length === 0 ? 0 : 1
}

function line(o: SubjectOutcome): string {
  // Every subject runs in the same run at once: a time per line would be the run's (the same on every line, as it
  // was), so each line says what is its own, its requests; the run's wall time is in the summary below.
  const t = `${o.requests} requests`
  if (o.problem) return `${o.subject.kind} ${o.subject.name}: NO REPORT (${o.problem}) ${t}`
  if (o.subject.kind === 'fault') return `fault ${o.subject.name}: ${o.failed.length > 0 ? `killed by ${o.failed.map((f) => f.id).join(', ')}` : 'SURVIVED'} (${t})`
  return `${o.subject.kind} ${o.subject.name}: ${o.verdict}${o.failed.length ? ` (${o.failed.map((f) => f.id).join(', ')})` : ''} (${t})`
}

function usage(message: string): number {
  process.stderr.write(`mutation: ${message}\n`)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mutation: internal error: ${(err as Error)?.stack ?? String(err)}\n`)
    process.exit(2)
  },
)
