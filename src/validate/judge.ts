/**
 * Judges one recorded exchange (or bare body) with the static validators of src/validate/rules.ts, and a whole file.
 */
import type { Level } from '../catalogue/types.ts'
import { type RecordedExchange, type RecordedFile } from './inputs.ts'
import { type Operation, recogniseRequest } from './operations.ts'
import { type Finding, type Issue, type MessageSubject, requirementOf, type ResponseView, STATIC_VALIDATORS } from './rules.ts'

export type Verdict = 'pass' | 'fail' | 'warn' | 'not judged'

export interface ExchangeVerdict {
  label: string
  method?: string
  path?: string
  status?: number
  /** The operation recognised from method and path, or the shape of a bare body. */
  operation?: Operation | 'message' | 'page' | 'error'
  verdict: Verdict
  findings: Finding[]
  /** The requirements whose validators judged this response. */
  judged: string[]
  /** Why it was not judged. */
  note?: string
}

export type FileVerdict = 'pass' | 'fail' | 'warn' | 'unusable' | 'nothing to judge'

export interface FileResult {
  file: string
  kind?: RecordedFile['kind']
  verdict: FileVerdict
  /** For an unusable file: why. */
  error?: string
  exchanges: ExchangeVerdict[]
}

type Kind = 'exchange' | 'message' | 'page' | 'error'

class Collector {
  readonly findings: Finding[] = []
  readonly judged = new Set<string>()

  run(kind: Kind, call: (id: string, v: (typeof STATIC_VALIDATORS)[string]) => Issue[] | undefined): void {
    for (const [id, validator] of Object.entries(STATIC_VALIDATORS)) {
      if (!validator[kind]) continue
      const issues = call(id, validator)
      if (issues === undefined) continue
      this.judged.add(id)
      const { level, ref } = requirementOf(id)
      for (const i of issues) this.findings.push({ ...i, requirement: id, level, ref })
    }
  }
}

/**
 * Judges one body of a known kind, as the library's validateMessage/validatePage/validateError do: the same rules as
 * `conformance validate`, with what the caller knows (the scope it was read through, the HTTP status of an error).
 */
export function judgeBody(body: unknown, kind: 'message' | 'page' | 'error', known: { scope?: 'default' | 'service'; status?: number } = {}): ExchangeVerdict {
  const view: ResponseView = { json: body, text: JSON.stringify(body) ?? '', ...(known.scope ? { scope: known.scope } : {}), ...(known.status !== undefined ? { status: known.status } : {}) }
  return judgeView('body', view, kind, kind)
}

/** Judges one exchange: status and headers, then the body as the operation (or the shape) says it should be. */
export function judgeExchange(ex: RecordedExchange): ExchangeVerdict {
  const head = {
    label: ex.label,
    ...(ex.request ? { method: ex.request.method, path: ex.request.path } : {}),
    ...(ex.response.status !== undefined ? { status: ex.response.status } : {}),
  }
  if (ex.unjudgeable) return { ...head, verdict: 'not judged', findings: [], judged: [], note: ex.unjudgeable }
  let view: ResponseView
  let body: 'message' | 'page' | 'error' | undefined
  let operation: ExchangeVerdict['operation']
  if (ex.request) {
    const request = recogniseRequest(ex.request.method, ex.request.path)
    if (!request) return { ...head, verdict: 'not judged', findings: [], judged: [], note: 'not a Message operation' }
    operation = request.operation
    view = { operation: request.operation, request, scope: request.scope, ...ex.response }
    const status = ex.response.status ?? 200
    if (status >= 400) body = 'error'
    else if (status >= 200 && status <= 299) body = request.operation === 'delete' ? undefined : request.operation === 'list' ? 'page' : 'message'
  } else {
    body = ex.shape
    operation = ex.shape
    view = { text: ex.response.text, json: ex.response.json }
  }

  return { ...head, ...judgeView(ex.label, view, body, operation, ex.request !== undefined) }
}

function judgeView(label: string, view: ResponseView, body: 'message' | 'page' | 'error' | undefined, operation: ExchangeVerdict['operation'], withExchange = false): ExchangeVerdict {
  const c = new Collector()
  if (withExchange) c.run('exchange', (_, v) => v.exchange!(view))
  const json = view.json
  const object = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined
  if (body && !object && body !== 'error') {
    // An error body that is not JSON is msg.errors.format's finding (exchange level).
    const { level, ref } = requirementOf('msg.representation.schema')
    c.findings.push({ pointer: '', rule: 'json', message: `the ${operation} response body is not a JSON object: ${JSON.stringify(view.text.slice(0, 80))}`, requirement: 'msg.representation.schema', level, ref })
  } else if (object && body === 'error') {
    c.run('error', (_, v) => v.error!(object, view))
  } else if (object && body === 'page') {
    c.run('page', (_, v) => v.page!(object, view))
    const items = Array.isArray(object['messages']) ? object['messages'] : []
    items.forEach((item, n) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) judgeMessage(c, { message: item as Record<string, unknown>, at: `/messages/${n}`, view })
    })
  } else if (object && body === 'message') {
    judgeMessage(c, { message: object, at: '', view })
  }
  const findings = dedupe(c.findings)
  return { label, ...(operation ? { operation } : {}), verdict: verdictOf(findings.map((f) => f.level)), findings, judged: [...c.judged].sort() }
}

function judgeMessage(c: Collector, subject: MessageSubject): void {
  c.run('message', (_, v) => v.message!(subject))
}

/**
 * A schema issue at a pointer that a more specific requirement also reports (a SID pattern, a date format) is
 * dropped: the finding names the specific requirement once, not the same fault twice.
 */
function dedupe(findings: Finding[]): Finding[] {
  const specific = new Set(findings.filter((f) => f.requirement !== 'msg.representation.schema').map((f) => f.pointer))
  return findings.filter((f) => f.requirement !== 'msg.representation.schema' || !specific.has(f.pointer))
}

function verdictOf(levels: Level[]): Verdict {
  if (levels.includes('must')) return 'fail'
  if (levels.length > 0) return 'warn'
  return 'pass'
}

export function judgeFile(file: RecordedFile): FileResult {
  const exchanges = file.exchanges.map(judgeExchange)
  const judged = exchanges.filter((e) => e.verdict !== 'not judged')
  const verdict: FileVerdict = judged.length === 0 ? 'nothing to judge' : judged.some((e) => e.verdict === 'fail') ? 'fail' : judged.some((e) => e.verdict === 'warn') ? 'warn' : 'pass'
  return { file: file.file, kind: file.kind, verdict, exchanges }
}
