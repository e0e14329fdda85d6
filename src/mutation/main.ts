import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { Command, CommanderError } from 'commander'
import { mapWithConcurrency } from './pool.ts'
import { renderMutationMarkdown } from './render.ts'
import { runSubject, type SubjectOutcome } from './run-subject.ts'
import { score } from './score.ts'
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
    .option('--concurrency <n>', 'suite runs in parallel', String(availableParallelism()))
    .option('--min-score <ratio>', 'fail below this share of killed faults (0..1)', '1')
    .option('--seed <n>', 'seed for generated inputs, the same for every run')
    .option('--out <dir>', 'where to write mutation.md and mutation.json', 'reports')
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
  try {
    program.parse(argv, { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode !== 0) process.stderr.write(`mutation: ${err.message.replace(/^error: /, '')}\n`)
      return err.exitCode === 0 ? 0 : 2
    }
    throw err
  }
  const o = program.opts<{ fault?: string[]; variants: boolean; conditions: boolean; concurrency: string; minScore: string; seed?: string; out: string }>()
  const concurrency = Number(o.concurrency)
  const minScore = Number(o.minScore)
  if (!Number.isInteger(concurrency) || concurrency < 1) return usage(`--concurrency "${o.concurrency}" must be a whole number, at least 1`)
  if (!(minScore >= 0 && minScore <= 1)) return usage(`--min-score "${o.minScore}" must be between 0 and 1`)
  let subjects
  try {
    subjects = planSubjects({ ...(o.fault ? { faults: o.fault } : {}), variants: o.variants, conditions: o.conditions })
  } catch (err) {
    return usage((err as Error).message)
  }
  const seed = o.seed !== undefined ? Number(o.seed) : randomBytes(4).readUInt32BE() % 2 ** 31
  const started = Date.now()
  process.stdout.write(`mutation: ${subjects.length} suite runs, ${concurrency} at a time, seed ${seed}\n`)
  let done = 0
  const outcomes = await mapWithConcurrency(subjects, concurrency, async (subject) => {
    const outcome = await runSubject(subject, seed)
    process.stdout.write(`[${++done}/${subjects.length}] ${line(outcome)}\n`)
    return outcome
  })
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
  const t = `${(o.durationMs / 1000).toFixed(1)} s`
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
