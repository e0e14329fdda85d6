/**
 * What a run's exchanges say about the target beyond the verdicts, as data a later run can be compared with
 * (`conformance diff`): the statuses and error codes each requirement met, the response properties the schemas
 * document or do not know, and each Message operation's latency.
 */
import type { Exchange } from '../client/exchange.ts'
import { classifyResponse } from '../client/retry.ts'
import { propertyPaths } from '../schemas/properties.ts'
import type { SchemaName } from '../schemas/validate.ts'
import { recogniseRequest } from '../validate/operations.ts'
import type { ExchangeFactsRecord } from '../run/results.ts'

export class ExchangeFacts {
  private readonly responses = new Set<string>()
  private readonly documented = new Set<string>()
  private readonly unknown = new Set<string>()
  private readonly latency = new Map<string, number[]>()

  /** Notes one exchange of the Message routes; setup requests (conversations, participants) and transient faults say nothing. */
  note(ex: Exchange): void {
    const op = recogniseRequest(ex.request.method, ex.request.path)
    if (!op) return
    const { status } = ex.response
    if (classifyResponse(status, ex.json) !== undefined) return
    const code = (ex.json as { code?: unknown } | undefined)?.code
    this.responses.add(status >= 400 && typeof code === 'number' ? `${op.operation} ${status} ${code}` : `${op.operation} ${status}`)
    const durations = this.latency.get(op.operation) ?? []
    durations.push(ex.durationMs)
    this.latency.set(op.operation, durations)
    const kind = status >= 400 ? 'error' : status >= 200 && status <= 299 && ex.json !== undefined ? (op.operation === 'list' ? 'message-page' : 'message') : undefined
    if (!kind) return
    const schema: SchemaName = kind === 'error' ? 'error' : op.scope === 'service' ? `service-${kind}` : kind
    const paths = propertyPaths(schema, ex.json)
    for (const p of paths.documented) this.documented.add(`${kind} ${p}`)
    for (const p of paths.unknown) this.unknown.add(`${kind} ${p}`)
  }

  record(): ExchangeFactsRecord | undefined {
    if (this.responses.size === 0) return undefined
    return {
      responses: [...this.responses].sort(),
      properties: { documented: [...this.documented].sort(), unknown: [...this.unknown].sort() },
      latency: Object.fromEntries(this.latency),
    }
  }
}
