import { Agent } from 'undici'
import { inject, test } from 'vitest'
import { type ConversationRef, ConversationsApi, type MessageParams, type MessagesApi, SCOPES, type Scope } from '../client/api.ts'
import { TransportError } from '../client/errors.ts'
import type { Exchange } from '../client/exchange.ts'
import { HttpClient } from '../client/http.ts'
import type { MessageResource } from '../client/resources.ts'
import { openCheckSession } from '../record/session.ts'
import { type EvidenceExchange, toEvidence } from '../report/evidence.ts'
import type { SuiteConfig } from './config.ts'
import { CheckFailure, SetupFailure } from './failure.ts'
import { PROFILES, type Profile } from './profiles.ts'
import { seededBytes } from './random.ts'
import { deriveSeed, PropertyFailure, runProperty } from './property.ts'
import type fc from 'fast-check'

/** What a check records about itself for the reporters (travels from the worker in vitest's task meta). */
export interface CheckMeta {
  requirement: string
  scope?: Scope
  /** Set when the check could not be set up: says nothing about conformance. */
  outcome?: 'setup-error'
  evidence?: EvidenceExchange[]
  /** Which of several allowed behaviours the server showed (e.g. "PageSize=101: clamped to 100"). */
  observations: string[]
  requests: number
  /** For property and stateful checks that failed: the shrunk input and how to replay it. */
  counterexample?: Counterexample
}

export interface Counterexample {
  /** The shrunk failing input (or command sequence), printed by fast-check. */
  value: string
  /** The fast-check seed of the property (derived from the run seed and the check name). */
  seed: number
  /** fast-check's path to the shrunk case. */
  path?: string
  /** The command line that replays the failing run. */
  replay: string
  /** How many inputs were tried before the failure. */
  runs: number
}

declare module 'vitest' {
  interface TaskMeta {
    conformance?: CheckMeta
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
  /** Records which allowed behaviour the server showed. */
  observe(note: string): void
  /** `bytes` random bytes as hex, from this check's seeded generator (the same on every run with the same seed). */
  randomHex(bytes: number): string
  /**
   * Runs a fast-check property with this check's seed, the profile's run count and a time bound below the check
   * timeout. Returns how many inputs were tried.
   */
  property<Ts>(property: fc.IAsyncProperty<Ts> | fc.IAsyncPropertyWithHooks<Ts>, options?: { numRuns?: number; examples?: Ts[] }): Promise<number>
}

export interface CheckOptions {
  /** Scopes to run in; each becomes its own test. Default: both. */
  scopes?: readonly Scope[]
  /** Overrides the profile's time limit for this check. */
  timeoutMs?: number
}

let sharedAgent: Agent | undefined
/** One keep-alive connection pool per worker: checks share connections, never credentials beyond the client. */
function agent(): Agent {
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000, connections: 16 })
  return sharedAgent
}

/** Declares a check of one requirement. The test name is the requirement ID and the scope. */
export function check(id: string, body: (ctx: CheckContext) => Promise<void>, options: CheckOptions = {}): void {
  const config = inject('conformance')
  const profile = PROFILES[config.profile]
  for (const scope of options.scopes ?? SCOPES) {
    test(`${id} [${scope}]`, { timeout: options.timeoutMs ?? profile.checkTimeoutMs }, async ({ task, skip }) => {
      const meta: CheckMeta = { requirement: id, scope, observations: [], requests: 0 }
      task.meta.conformance = meta
      // --record / --replay (src/record/session.ts): which dispatcher, where the exchanges go, whether time limits apply.
      const session = openCheckSession(config, id, scope)
      if (session.skipReason) {
        meta.observations.push(session.skipReason)
        skip(session.skipReason)
      }
      const log: Exchange[] = []
      const http = new HttpClient(config.target, {
        dispatcher: session.dispatcher ?? agent(),
        minIntervalMs: session.paced ? profile.minIntervalMs : 0,
        onExchange: (ex) => {
          log.push(ex)
          meta.requests++
          session.onExchange(ex)
        },
      })
      const api = new ConversationsApi(http)
      const created: ConversationRef[] = []
      const randomBytes = seededBytes(deriveSeed(config.seed, `random ${task.name}`))
      try {
        const newConversation = () => setUpConversation(api, scope, config, created)
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
          observe: (note) => meta.observations.push(note),
          randomHex: (n) => randomBytes(n).toString('hex'),
          property: (prop, opts) =>
            runProperty(prop, {
              seed: deriveSeed(config.seed, task.name),
              numRuns: opts?.numRuns ?? profile.numRuns,
              ...(opts?.examples ? { examples: opts.examples } : {}),
              ...(session.timeLimited ? { timeLimitMs: Math.min(profile.propertyTimeMs, (options.timeoutMs ?? profile.checkTimeoutMs) / 2) } : {}),
              replay:
                config.recording?.mode === 'replay'
                  ? `npm run conformance -- ${id} --replay ${config.recording.dir}`
                  : `npm run conformance -- ${id} --seed ${config.seed}${config.target.baseUrl && !config.embedded ? ` --target ${config.target.baseUrl}` : ''}`,
            }),
        })
      } catch (err) {
        meta.evidence = evidenceOf(err, log, [config.target.authToken])
        if (err instanceof PropertyFailure) meta.counterexample = err.counterexample
        if (err instanceof SetupFailure || err instanceof TransportError) meta.outcome = 'setup-error'
        throw err
      } finally {
        await cleanUp(api, created, meta)
        await session.close((note) => meta.observations.push(note))
      }
    })
  }
}

async function setUpConversation(api: ConversationsApi, scope: Scope, config: SuiteConfig, created: ConversationRef[]): Promise<ConversationRef> {
  if (scope === 'service' && !config.defaultServiceSid) {
    throw new SetupFailure('no default chat service: GET /v1/Configuration gave no default_chat_service_sid, so the service-scoped routes cannot be addressed')
  }
  const serviceSid = config.defaultServiceSid ?? ''
  const ex = await api.createConversation(scope, serviceSid, `conformance ${config.runId}`)
  const body = ex.json as { sid?: unknown; chat_service_sid?: unknown } | undefined
  if (ex.response.status < 200 || ex.response.status > 299 || typeof body?.sid !== 'string') {
    throw new SetupFailure(`could not create a conversation to test in: ${ex.request.method} ${ex.request.path} answered ${ex.response.status}`, ex)
  }
  const ref: ConversationRef = {
    sid: body.sid,
    serviceSid: typeof body.chat_service_sid === 'string' ? body.chat_service_sid : serviceSid,
    scope,
  }
  created.push(ref)
  return ref
}

async function seedMessage(messages: MessagesApi, params: MessageParams = { Body: 'conformance seed message' }): Promise<MessageResource> {
  const ex = await messages.create(params)
  const body = ex.json as MessageResource | undefined
  if (ex.response.status < 200 || ex.response.status > 299 || typeof body?.sid !== 'string') {
    throw new SetupFailure(`could not create a message to test with: ${ex.request.method} ${ex.request.path} answered ${ex.response.status}`, ex)
  }
  return body
}

/** Deletes what the check made. A failed cleanup is noted, never a verdict. */
async function cleanUp(api: ConversationsApi, created: ConversationRef[], meta: CheckMeta): Promise<void> {
  for (const ref of created) {
    try {
      const ex = await api.deleteConversation(ref)
      if (ex.response.status !== 204 && ex.response.status !== 404) meta.observations.push(`cleanup: deleting ${ref.sid} answered ${ex.response.status}`)
    } catch (err) {
      meta.observations.push(`cleanup: deleting ${ref.sid} failed: ${(err as Error).message}`)
    }
  }
}

/** The exchange a failure names, else the last few the check made. */
function evidenceOf(err: unknown, log: readonly Exchange[], secrets: readonly string[]): EvidenceExchange[] {
  const pinned = err instanceof CheckFailure || err instanceof SetupFailure ? err.exchange : undefined
  const chosen = pinned ? [pinned] : log.slice(-3)
  return chosen.map((ex) => toEvidence(ex, secrets))
}
