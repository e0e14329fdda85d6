import { inject, test } from 'vitest'
import { type ConversationRef, ConversationsApi, createdSid, type MessageParams, type MessagesApi, SCOPES, type Scope } from '../client/api.ts'
import { CouldNotJudge, TransientFault, TransportError } from '../client/errors.ts'
import { deleteResources } from '../client/cleanup.ts'
import type { Exchange } from '../client/exchange.ts'
import { HttpClient, type HttpClientOptions } from '../client/http.ts'
import { sharedRateLimitGate } from '../client/rate-limit-gate.ts'
import { type InFlightRecord, sharedInFlightLimit } from '../client/in-flight-limit.ts'
import { Agent } from '../client/undici.ts'
import type { MessageResource } from '../client/resources.ts'
import type { RetryEvent } from '../client/retry.ts'
import { findRequirement } from '../catalogue/requirements.ts'
import { openCheckSession } from '../record/session.ts'
import { toEvidence } from '../report/evidence.ts'
import { PLAIN_HINT, rerunCommand } from '../run/command.ts'
import type { SuiteConfig } from '../run/config.ts'
import { Ledger } from '../run/ledger.ts'
import { MARKER } from '../run/marker.ts'
import { PROFILES, type Profile } from '../run/profiles.ts'
import type { Counterexample, EvidenceExchange, ExchangeFactsRecord, SettleRecord, TransientRecord } from '../run/results.ts'
import { CheckFailure, SetupFailure } from './failure.ts'
import { deriveSeed, PropertyFailure, runProperty } from './property.ts'
import { runInterrupted } from './interrupt.ts'
import { seededBytes } from './random.ts'
import { createSettler } from './settle.ts'
import { UNOBSERVED } from './unobserved.ts'
import { type MediaRef, mediaFor, type TemplateRef, templateFor } from './references.ts'
import { CheckBudget } from './budget.ts'
import { ExchangeFacts } from './exchange-facts.ts'
import type fc from 'fast-check'

/** What a check records about itself for the reporters (travels from the worker in vitest's task meta). */
export interface CheckMeta {
  requirement: string
  scope?: Scope
  /** In a run of several targets (src/run/config.ts subjects), which one. */
  subject?: string
  /** Set when the check could not judge (setup failed, out of time, rate limited throughout): says nothing about conformance. */
  outcome?: 'setup-error'
  evidence?: EvidenceExchange[]
  /** Which of several allowed behaviours the server showed (e.g. "PageSize=101: clamped to 100"). */
  observations: string[]
  /** Which allowed reading the target chose, as data: name → reading (e.g. 'page-size-101' → 'clamped'). */
  readings?: Record<string, string>
  requests: number
  /** For property and stateful checks that failed: the shrunk input and how to replay it. */
  counterexample?: Counterexample
  transient?: TransientRecord
  settle?: SettleRecord
  /** Messages this check expected a list to show, and how many it never showed. */
  visibility?: { expected: number; missing: number }
  /** The adaptive limit of checks in flight (ci profile) when this check ended, once 429s have moved it. */
  inFlight?: InFlightRecord
  /** What the check's exchanges of the Message routes showed: statuses and codes, properties, latency. */
  facts?: ExchangeFactsRecord
}

declare module 'vitest' {
  interface TaskMeta {
    conformance?: CheckMeta
  }
  interface ProvidedContext {
    conformance: SuiteConfig
  }
}

export interface CheckContext {
  api: ConversationsApi
  scope: Scope
  /** A fresh conversation made for this check (deleted afterwards). */
  conversation: ConversationRef
  /** The messages of `conversation`, addressed through `scope`. */
  messages: MessagesApi
  config: SuiteConfig
  profile: Profile
  /** Makes another conversation in the same scope, deleted after the check. */
  newConversation(): Promise<ConversationRef>
  /** Creates a message as a precondition: anything but a 2xx JSON message is a setup failure, not a verdict. */
  seedMessage(params?: MessageParams, messages?: MessagesApi): Promise<MessageResource>
  /** Adds a chat participant with a fresh marked identity to a conversation (default: this check's) as a precondition. */
  addParticipant(conversation?: ConversationRef): Promise<{ sid: string; identity: string }>
  /**
   * For a read that verifies the effect of a write: polls `read` until `agrees` holds (the write is visible) or the
   * settle time is spent, and returns the last value read. Judge the requirement on that value as usual.
   */
  settle<T>(read: () => Promise<T>, agrees: (value: T) => boolean): Promise<T>
  /** Notes how many messages a settled list was expected to show and how many it never did (stateless targets show up here). */
  noteVisibility(expected: number, missing: number): void
  /**
   * Media to attach by MediaSid: the run's (--media-sid), else uploaded by this check where the target allows
   * (src/harness/references.ts). Neither: the check ends "not judged: give --media-sid …".
   */
  media(): Promise<MediaRef>
  /** A Content template to name by ContentSid: the run's (--content-sid), else made by this check where the target allows; else "not judged". */
  contentTemplate(): Promise<TemplateRef>
  /** Records which allowed behaviour the server showed. */
  observe(note: string): void
  /** Records, as data, which of several allowed readings the target chose; also noted as an observation. */
  reading(name: string, value: string): void
  /**
   * Ends the check as "not judged": nothing it could see tells the requirement met from not met (every probe was
   * answered in a way another requirement judges, or the only possible probe could be echoed). Never a pass.
   */
  notJudged(why: string): never
  /** `bytes` random bytes as hex, from this check's seeded generator (the same on every run with the same seed). */
  randomHex(bytes: number): string
  /**
   * Runs a fast-check property with this check's seed, the profile's run count and a time bound below the check
   * timeout. Returns how many inputs were tried.
   */
  property<Ts>(property: fc.IAsyncProperty<Ts> | fc.IAsyncPropertyWithHooks<Ts>, options?: { numRuns?: number; examples?: Ts[] }): Promise<number>
}

export interface CheckOptions {
  /** Overrides the profile's time limit for this check. */
  timeoutMs?: number
  /** Multiplies the profile's time limit, for a check that needs many requests whatever the profile (default 1). */
  timeScale?: number
}

/** Time a check's cleanup may take after its limit, so vitest's own timeout never cuts a cleanup short. */
const CLEANUP_GRACE_MS = 30_000

let sharedAgent: Agent | undefined
/** One keep-alive connection pool per worker: checks share connections, never credentials beyond the client. */
function agent(): Agent {
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000, connections: 16 })
  return sharedAgent
}

/**
 * Declares a check of one requirement: one test per URL scope the catalogue gives it (both by default), named by
 * the requirement ID and the scope.
 */
export function check(id: string, body: (ctx: CheckContext) => Promise<void>, options: CheckOptions = {}): void {
  const provided = inject('conformance')
  const requirement = findRequirement(id)
  if (!requirement) throw new Error(`check('${id}'): no such requirement in src/catalogue/requirements.ts`)
  // One target, or (the mutation gate) one per subject that selects this requirement.
  const targets = provided.subjects
    ? provided.subjects.filter((s) => s.select.length === 0 || s.select.includes(id)).map((s) => ({ suffix: ` @${s.name}`, subject: s.name, config: { ...provided, ...s.overrides, subjects: undefined } as SuiteConfig }))
    : [{ suffix: '', subject: undefined, config: provided }]
  for (const { suffix, subject, config } of targets) {
    for (const scope of requirement.scopes ?? SCOPES) declareCheck(`${id} [${scope}]${suffix}`, id, scope, subject, config, body, options)
  }
}

/** The run's end, as the checks see it: the profile's run timeout from when the worker declared them (the run's start). */
const runEnds = new Map<string, number>()

function declareCheck(name: string, id: string, scope: Scope, subject: string | undefined, config: SuiteConfig, body: (ctx: CheckContext) => Promise<void>, options: CheckOptions): void {
  const profile = PROFILES[config.profile]
  const limitMs = options.timeoutMs ?? profile.checkTimeoutMs * (options.timeScale ?? 1)
  let runEnd = runEnds.get(config.runId)
  if (runEnd === undefined) runEnds.set(config.runId, (runEnd = Date.now() + profile.runTimeoutMs))
  // Held by a rate limit (not charged) or waiting for a slot, a check may last until the run's end.
  test(name, { timeout: Math.max(limitMs, runEnd - Date.now()) + CLEANUP_GRACE_MS }, async ({ task, skip }) => {
    const meta: CheckMeta = { requirement: id, scope, ...(subject ? { subject } : {}), observations: [], requests: 0 }
    task.meta.conformance = meta
    // --record / --replay (src/record/session.ts): which dispatcher, where the exchanges go, whether time limits apply.
    const session = openCheckSession(config, id, scope)
    if (session.skipReason) {
      meta.observations.push(session.skipReason)
      skip(session.skipReason)
    }
    const origin = new URL(config.target.baseUrl).origin
    const rateLimitGate = sharedRateLimitGate(origin)
    const ledger = new Ledger(config.ledgerFile, { runId: config.runId, origin })
    // ci: 429s halve the checks in flight against this target, answers grow them back (src/client/in-flight-limit.ts).
    const inFlight = profile.adaptive && config.inFlight !== undefined && config.inFlight > 1 ? sharedInFlightLimit(origin, rateLimitGate, config.inFlight) : undefined
    // Nothing between taking the slot and the try below may throw: the finally gives the slot back.
    const release = await inFlight?.acquire()
    const outOfTime = new AbortController()
    const budget = new CheckBudget(limitMs, runEnd, () =>
      outOfTime.abort(
        new CouldNotJudge(
          `ran out of time after ${limitMs / 1000} s${budget.held > 0 ? ` (besides ${(budget.held / 1000).toFixed(1)} s held by the target's rate limit)` : ''}, so the requirement could not be judged`,
        ),
      ),
    )
    const interrupted = runInterrupted(config.runId)
    const onInterrupt = () => outOfTime.abort(new CouldNotJudge('the run was interrupted before this check could finish'))
    interrupted.addEventListener('abort', onInterrupt, { once: true })
    if (interrupted.aborted) onInterrupt()
    // The last exchanges, for the evidence of a failure that names none (evidenceOf): holding every exchange of a
    // check until it ends would only keep them from being collected young.
    const recent: Exchange[] = []
    const transient = emptyTransientRecord()
    const facts = new ExchangeFacts()
    const client = (extra: Partial<HttpClientOptions>) =>
      new HttpClient(config.target, {
        dispatcher: session.dispatcher ?? agent(),
        // The embedded reference server is the suite's own: nothing to spare, whatever the profile.
        minIntervalMs: session.paced && !config.embedded ? profile.minIntervalMs : 0,
        onExchange: (ex) => {
          if (recent.push(ex) > EVIDENCE_EXCHANGES) recent.shift()
          meta.requests++
          facts.note(ex)
          session.onExchange(ex)
        },
        onRetry: (event) => noteRetry(transient, event),
        rateLimitGate,
        ...(config.allowWebhooks ? { allowWebhooks: true } : {}),
        ...extra,
      })
    const settler = createSettler({
      settleMs: config.settleMs,
      budgetMs: 2 * config.settleMs,
      get deadline() {
        return budget.deadline
      },
      signal: outOfTime.signal,
    })
    const randomBytes = seededBytes(deriveSeed(config.seed, `random ${task.name}`))
    try {
      // A transient fault on a request that cannot be repeated re-runs the whole check once, from a fresh
      // conversation; in the re-run the same fault stands and is judged.
      for (let attempt = 1; ; attempt++) {
        const http = client({ deadline: () => budget.deadline, onHeld: (ms) => budget.hold(ms), signal: outOfTime.signal, unsafeTransient: attempt === 1 ? 'rerun' : 'judge' })
        const api = new ConversationsApi(http, ledger)
        meta.observations = []
        delete meta.readings
        try {
          const newConversation = () => setUpConversation(api, scope, config)
          const conversation = await newConversation()
          const messages = api.messages(conversation)
          await body({
            api,
            scope,
            conversation,
            messages,
            config,
            profile,
            newConversation,
            seedMessage: (params, target) => seedMessage(target ?? messages, params),
            addParticipant: (ref) => addParticipant(api, ref ?? conversation, `${MARKER}-${randomBytes(6).toString('hex')}`),
            settle: (read, agrees) => settler.settle(read, agrees),
            noteVisibility: (expected, missing) => {
              meta.visibility = { expected: (meta.visibility?.expected ?? 0) + expected, missing: (meta.visibility?.missing ?? 0) + missing }
            },
            media: () => setupStep('upload media', () => mediaFor(api, config, conversation.serviceSid, randomBytes(4).toString('hex'))),
            contentTemplate: () => setupStep('make a Content template', () => templateFor(api, config, randomBytes(4).toString('hex'))),
            observe: (note) => meta.observations.push(note),
            reading: (name, value) => { (meta.readings ??= {})[name] = value; meta.observations.push(`${name}: ${value}`) },
            notJudged: (why) => {
              throw new CouldNotJudge(`not judged: ${why}`)
            },
            randomHex: (n) => randomBytes(n).toString('hex'),
            property: (prop, opts) =>
              runProperty(prop, {
                seed: deriveSeed(config.seed, task.name),
                numRuns: config.numRuns ?? opts?.numRuns ?? profile.numRuns,
                ...(opts?.examples ? { examples: opts.examples } : {}),
                ...(session.timeLimited ? { timeLimitMs: Math.min(profile.propertyTimeMs, limitMs / 2) } : {}),
                replay: replayCommand(config, id),
                replayEnv: config.hint?.env ?? [],
              }),
          })
          // An acceptance-only pass says what it did not see (src/harness/unobserved.ts).
          if (UNOBSERVED[id] !== undefined) meta.observations.push(UNOBSERVED[id])
          break
        } catch (err) {
          if (err instanceof TransientFault && attempt === 1) {
            transient.reruns.push(err.message)
            continue
          }
          throw err
        }
      }
    } catch (err) {
      const judged = outOfTime.signal.aborted && !(err instanceof CheckFailure) ? (outOfTime.signal.reason as CouldNotJudge) : err
      meta.evidence = evidenceOf(judged, recent, [config.target.secret])
      if (judged instanceof PropertyFailure) meta.counterexample = judged.counterexample
      if (judged instanceof SetupFailure || judged instanceof CouldNotJudge) meta.outcome = 'setup-error'
      throw judged
    } finally {
      budget.stop()
      release?.()
      const adapted = inFlight?.record()
      if (adapted) meta.inFlight = adapted
      const seen = facts.record()
      if (seen) meta.facts = seen
      interrupted.removeEventListener('abort', onInterrupt)
      // Cleanup has its own client: the check's may be stopped (out of time) and its budget spent.
      if (!config.discardedTarget) await cleanUp(new ConversationsApi(client({ deadline: Date.now() + CLEANUP_GRACE_MS, unsafeTransient: 'judge' }), ledger), ledger, meta)
      await session.close((note) => meta.observations.push(note))
      if (hasTransient(transient)) meta.transient = transient
      if (settler.record.delayed + settler.record.unsettled > 0) meta.settle = settler.record
    }
  })
}

/** The command that replays this check's failure: the CLI's hint for the run, or (a run made without one) its target. */
function replayCommand(config: SuiteConfig, id: string): string {
  const target = config.recording?.mode === 'replay' ? ['--replay', config.recording.dir] : config.embedded ? [] : ['--target', config.target.baseUrl]
  return rerunCommand(config.hint ?? { ...PLAIN_HINT, target }, id, config.seed)
}

/** A request the check needs as a precondition: a target that gives no answer to it is a setup failure. */
async function setupStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (err) {
    if (err instanceof TransportError) throw new SetupFailure(`could not ${what}: ${err.message}`)
    throw err
  }
}

async function setUpConversation(api: ConversationsApi, scope: Scope, config: SuiteConfig): Promise<ConversationRef> {
  if (scope === 'service' && !config.defaultServiceSid) {
    throw new SetupFailure('no default chat service: GET /v1/Configuration gave no default_chat_service_sid (pass --service-sid), so the service-scoped routes cannot be addressed')
  }
  const serviceSid = config.defaultServiceSid ?? ''
  const ex = await setupStep('create a conversation', () => api.createConversation(scope, serviceSid, `${MARKER} ${config.runId}`))
  const sid = madeSid(ex, 'create a conversation to test in')
  const chatServiceSid = (ex.json as { chat_service_sid?: unknown }).chat_service_sid
  return { sid, serviceSid: typeof chatServiceSid === 'string' ? chatServiceSid : serviceSid, scope }
}

async function seedMessage(messages: MessagesApi, params: MessageParams = { Body: 'conformance seed message' }): Promise<MessageResource> {
  const ex = await setupStep('create a message to test with', () => messages.create(params))
  madeSid(ex, 'create a message to test with')
  return ex.json as MessageResource
}

async function addParticipant(api: ConversationsApi, ref: ConversationRef, identity: string): Promise<{ sid: string; identity: string }> {
  const added = await setupStep('add a participant', () => api.addParticipant(ref, identity))
  return { sid: madeSid(added, 'add a participant'), identity }
}

/** The SID of what a setup step made; anything else is a SetupFailure saying what could not be done. */
function madeSid(ex: Exchange, couldNot: string): string {
  const sid = createdSid(ex)
  if (sid === undefined) throw new SetupFailure(`could not ${couldNot}: ${ex.request.method} ${ex.request.path} answered ${ex.response.status}`, ex)
  return sid
}

/** Deletes what the check made that is still there (a User before its conversation). A failed cleanup is noted, never a verdict. */
async function cleanUp(api: ConversationsApi, ledger: Ledger, meta: CheckMeta): Promise<void> {
  const { failed } = await deleteResources(api, ledger.stillOpen().filter((r) => !r.keep))
  for (const f of failed) meta.observations.push(`cleanup: could not delete ${f.resource.path} (${f.why})`)
}

function emptyTransientRecord(): TransientRecord {
  return { rateLimited: 0, faults: {}, waitedMs: 0, reruns: [], events: [] }
}

function hasTransient(t: TransientRecord): boolean {
  return t.rateLimited > 0 || t.reruns.length > 0 || Object.keys(t.faults).length > 0
}

function noteRetry(t: TransientRecord, event: RetryEvent): void {
  if (event.kind === 'rate-limited') t.rateLimited++
  else {
    const what = event.status !== undefined ? String(event.status) : 'no answer'
    t.faults[what] = (t.faults[what] ?? 0) + 1
  }
  t.waitedMs += event.waitMs
  if (t.events.length < 10) t.events.push(event)
}

/** The exchange a failure names, else the last few the check made. */
/** A failure that names no exchange of its own shows this many of the check's last ones. */
const EVIDENCE_EXCHANGES = 3

function evidenceOf(err: unknown, recent: readonly Exchange[], secrets: readonly string[]): EvidenceExchange[] {
  const pinned = err instanceof CheckFailure || err instanceof SetupFailure ? err.exchange : undefined
  const chosen = pinned ? [pinned] : recent.slice(-EVIDENCE_EXCHANGES)
  return chosen.map((ex) => toEvidence(ex, secrets))
}
