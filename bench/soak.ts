/**
 * The flake measure: the default selection, N times with a fresh seed each time, against the clean reference server
 * and against each allowed variant (alone, and all at once). A conformant server must be CONFORMANT every time: a
 * run that is not is a flaky check (or a broken variant), and is printed with the failing requirement and the
 * commands that replay it. The last line is `soak: F/T not conformant`, F runs not CONFORMANT out of T (N × targets).
 * Not part of CI: it takes minutes (see bench/README.md for the last figure).
 *
 *   npm run soak -- --runs 30
 *   npm run soak -- --runs 10 --only clean,page-size-clamp --batch 5
 *
 * Each batch of runs is one vitest run in this process (src/mutation/run-subject.ts, as the mutation gate runs its
 * subjects): a reference server per target and run, each with its own seed, so the engine starts once per batch.
 */
import { randomBytes } from 'node:crypto'
import { Command } from 'commander'
import { runSubjects, type SubjectOutcome } from '../src/mutation/run-subject.ts'
import { planSubjects, type Subject } from '../src/mutation/subjects.ts'

const program = new Command('npm run soak --')
  .option('--runs <n>', 'runs per target, each with a fresh seed', '10')
  .option('--batch <n>', 'runs per vitest run (more: less start-up, more servers at once)', '5')
  .option('--max-minutes <m>', 'start no new batch after this long (a busy machine): the figure is then over the runs done')
  .option('--only <targets>', 'comma-separated target names (clean, a variant, or all the variants joined with +)')
  .parse()
const o = program.opts<{ runs: string; batch: string; only?: string; maxMinutes?: string }>()
const maxMs = o.maxMinutes !== undefined ? Number(o.maxMinutes) * 60_000 : Infinity
const runs = Number(o.runs)
const batch = Number(o.batch)
if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(batch) && batch >= 1)) {
  process.stderr.write('soak: --runs and --batch take a whole number of 1 or more\n')
  process.exit(2)
}
const only = o.only?.split(',')
const targets = planSubjects({ faults: [], conditions: false }).filter((s) => !only || only.includes(s.name))
if (targets.length === 0) {
  process.stderr.write(`soak: --only names no target; the targets are: ${planSubjects({ faults: [], conditions: false }).map((s) => s.name).join(', ')}\n`)
  process.exit(2)
}

/** How a target is named in the output: the all-variants subject's name is every variant joined with +. */
const label = (t: Subject) => (t.variants.length > 1 ? 'every variant' : t.name)

const ACCOUNT = 'AC00000000000000000000000000000001'
/** The commands that replay one run of one target: its server with its seed, then the failing requirement. */
function replayOf(target: Subject, seed: number, id: string): string {
  const switches = target.variants.length > 0 ? ` --variant ${target.variants.join(',')}` : ''
  return (
    `npm run mock -- --port 4010 --account-sid ${ACCOUNT} --auth-token soak${switches} --seed ${seed}  &&  ` +
    `npm run conformance -- ${id} --seed ${seed} --target http://127.0.0.1:4010 --account-sid ${ACCOUNT} --auth-token soak`
  )
}

const started = Date.now()
process.stdout.write(`soak: ${runs} runs × ${targets.length} targets (the clean reference server and each variant; the default selection), ${batch} runs per vitest run\n`)
const outcomes = new Map<string, Array<{ run: number; seed: number; outcome: SubjectOutcome }>>(targets.map((t) => [t.name, []]))
let done = 0
for (let first = 1; first <= runs; first += batch) {
  if (Date.now() - started > maxMs) {
    process.stdout.write(`soak: stopped after ${done} of ${runs} runs (--max-minutes ${o.maxMinutes})\n`)
    break
  }
  const subjects: Subject[] = []
  for (let run = first; run < first + batch && run <= runs; run++) {
    const seed = randomBytes(4).readUInt32BE() % 2 ** 31
    for (const t of targets) subjects.push({ ...t, name: `${t.name} #${run}`, seed })
  }
  const results = await runSubjects(subjects, 0, () => [])
  for (const outcome of results) {
    const [name, run] = outcome.subject.name.split(' #') as [string, string]
    outcomes.get(name)!.push({ run: Number(run), seed: outcome.subject.seed!, outcome })
    // Said at once too, so a long soak shows what it found as it goes.
    if (outcome.verdict !== 'CONFORMANT') process.stdout.write(`  ${label(outcome.subject)} run ${run}: ${outcome.verdict} (${(outcome.notPassed ?? []).map((f) => f.id).join(', ')})\n`)
  }
  done = Math.min(runs, first + batch - 1)
  process.stdout.write(`  runs ${first}–${done} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
}

let notConformant = 0
const width = Math.max(...targets.map((t) => label(t).length))
for (const t of targets) {
  const bad = outcomes.get(t.name)!.filter((r) => r.outcome.verdict !== 'CONFORMANT')
  notConformant += bad.length
  process.stdout.write(`${label(t).padEnd(width)}  ${bad.length}/${done} not conformant\n`)
  for (const { run, seed, outcome } of bad.sort((a, b) => a.run - b.run)) {
    const failing = outcome.notPassed ?? []
    process.stdout.write(`  run ${run}, seed ${seed}: ${outcome.verdict}${outcome.problem ? ` (${outcome.problem})` : ''}\n`)
    for (const f of failing) {
      process.stdout.write(`    ${f.id} (${f.level}, ${f.status}): ${f.message.replace(/\s+/g, ' ').slice(0, 300)}\n`)
      process.stdout.write(`      replay: ${replayOf(t, seed, f.id)}\n`)
    }
  }
}
process.stdout.write(`soak: ${((Date.now() - started) / 1000).toFixed(0)} s on this machine\n`)
process.stdout.write(`soak: ${notConformant}/${done * targets.length} not conformant\n`)
process.exitCode = notConformant > 0 ? 1 : 0
