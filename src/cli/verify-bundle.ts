/**
 * The checks verify makes inside a bundle before it replays anything, signed or not: the report and the recordings
 * must be of one run (suite version, seed, profile, --runs, selection, shard, target), and each recording must be
 * whole (every cassette its manifest lists is there and is a cassette of the manifest's target, and nothing else is).
 * Each problem names the file and the field, so a damaged or edited bundle says where.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseBaseUrl } from '../client/target.ts'
import { type CassetteInteraction, notInteractions } from '../record/cassette.ts'
import { MANIFEST_FILE, type RecordingManifest } from '../record/manifest.ts'
import type { RunReport } from '../report/run-report.ts'

export interface BundleRecording {
  dir: string
  manifest: RecordingManifest
}

/** The target as a bundle names it: the embedded reference server listens on a new port each run. */
export function bundleTarget(target: { url: string; embedded: boolean }): string {
  return target.embedded ? 'the embedded reference server' : target.url
}

/** What the target did, without an expectations file's say on it (known failures and unexpected passes). */
export function judged(status: string): string {
  return status === 'known-failure' ? 'failed' : status === 'unexpected-pass' ? 'passed' : status
}

/** Names a file for a message: relative to the bundle when it is inside, else as given. */
export function labeller(bundle: string): (path: string) => string {
  return (path) => {
    const rel = relative(bundle, path)
    return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path
  }
}

const show = (v: unknown) => (v === undefined ? 'none' : JSON.stringify(v))

/** Where the report and the recordings disagree about the run they are of. */
export function runMismatches(report: RunReport, reportLabel: string, recordings: readonly BundleRecording[], label: (p: string) => string): string[] {
  const problems: string[] = []
  for (const { dir, manifest: m } of recordings) {
    const man = label(join(dir, MANIFEST_FILE))
    const field = (name: string, inReport: unknown, inManifest: unknown) => {
      if (show(inReport) !== show(inManifest)) problems.push(`${reportLabel} ${name}: ${show(inReport)}, but ${man} records ${show(inManifest)}`)
    }
    field('suite.version', report.suite.version, m.suite.version)
    field('seed', report.seed, m.seed)
    field('profile', report.profile, m.profile)
    field('runs', report.runs, m.runs)
    field('selection.prefixes', report.selection.prefixes, m.select)
    if (recordings.length === 1) field('selection.shard', report.selection.shard, m.shard)
    field('target.embedded', report.target.embedded, m.target.embedded)
    if (!report.target.embedded && !m.target.embedded && baseOf(report.target.url) !== baseOf(m.target.baseUrl)) {
      problems.push(`${reportLabel} target.url: ${report.target.url}, but ${man} was recorded against ${m.target.baseUrl}`)
    }
  }
  if (recordings.length > 1) problems.push(...shardCoverage(report, reportLabel, recordings, label))
  return problems
}

function baseOf(url: string): string {
  try {
    const u = parseBaseUrl(url)
    return u.origin + u.pathname.replace(/\/+$/, '')
  } catch {
    return url
  }
}

/** Several recordings are the shards of the one run the report merges: each once, all of them. */
function shardCoverage(report: RunReport, reportLabel: string, recordings: readonly BundleRecording[], label: (p: string) => string): string[] {
  if (report.selection.shard) return [`${reportLabel} selection.shard: the report is shard ${report.selection.shard.index}/${report.selection.shard.count}; give its one recording`]
  const problems: string[] = []
  const count = recordings[0]!.manifest.shard?.count
  const seen = new Map<number, string>()
  for (const { dir, manifest } of recordings) {
    const man = label(join(dir, MANIFEST_FILE))
    if (!manifest.shard || manifest.shard.count !== count) {
      problems.push(`${man} shard: ${show(manifest.shard)}; the recordings of one merged report are the shards of one run (--shard i/${count ?? 'n'})`)
      continue
    }
    const other = seen.get(manifest.shard.index)
    if (other) problems.push(`${man} shard: ${manifest.shard.index}/${count}, as is ${other}: give each shard once`)
    seen.set(manifest.shard.index, man)
  }
  if (count !== undefined) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i))
    if (missing.length > 0) problems.push(`the recordings are not the whole run: shard ${missing.join(', ')} of ${count} not given (--recording DIR for each)`)
  }
  return problems
}

/**
 * Each recording is whole: the preflight and every cassette the manifest lists is there, is JSON, is a cassette,
 * holds as many exchanges as the manifest says and was recorded against the manifest's target; no other JSON file is
 * there (a cassette added).
 */
export function recordingProblems(recordings: readonly BundleRecording[], label: (p: string) => string): string[] {
  const problems: string[] = []
  for (const { dir, manifest } of recordings) {
    const listed = new Set([MANIFEST_FILE, manifest.preflight])
    const cassette = (file: string, exchanges?: number) => {
      listed.add(file)
      const path = join(dir, file)
      const name = label(path)
      if (!existsSync(path)) return problems.push(`${name}: missing (${label(join(dir, MANIFEST_FILE))} lists it)`)
      let value: unknown
      try {
        value = JSON.parse(readFileSync(path, 'utf8'))
      } catch (err) {
        return problems.push(`${name}: not JSON (${(err as Error).message})`)
      }
      const why = notInteractions(value)
      if (why) return problems.push(`${name}: not a cassette (${why})`)
      const interactions = value as CassetteInteraction[]
      if (exchanges !== undefined && interactions.length !== exchanges) problems.push(`${name}: ${interactions.length} exchanges, the manifest records ${exchanges}`)
      const elsewhere = interactions.find((i) => i.scope !== manifest.target.origin)
      if (elsewhere) problems.push(`${name}: recorded against ${elsewhere.scope}, the manifest's target is ${manifest.target.origin}`)
      return problems.length
    }
    cassette(manifest.preflight)
    for (const c of manifest.checks) cassette(c.file, c.exchanges)
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json') && !listed.has(f)).sort()) problems.push(`${label(join(dir, f))}: not in the manifest (a cassette added to the recording)`)
  }
  return problems
}

/** Every check of the report is in a recording, with the status the recording's manifest gives it. */
export function checkMismatches(report: RunReport, reportLabel: string, recordings: readonly BundleRecording[], label: (p: string) => string): string[] {
  const recorded = new Map<string, { status: string; where: string; file: string }>()
  for (const { dir, manifest } of recordings) for (const c of manifest.checks) recorded.set(c.name, { status: c.status, where: label(join(dir, MANIFEST_FILE)), file: label(join(dir, c.file)) })
  const problems: string[] = []
  for (const r of report.results) {
    for (const c of r.checks) {
      const rec = recorded.get(c.name)
      if (!rec) problems.push(`${reportLabel}: ${c.name} is in the report, in no recording`)
      else if (rec.status !== c.status) problems.push(`${reportLabel}: ${c.name} is ${c.status} in the report, ${rec.status} in ${rec.where} (its cassette: ${rec.file})`)
    }
  }
  return problems
}
