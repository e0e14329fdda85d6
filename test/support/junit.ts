import { XMLParser, XMLValidator } from 'fast-xml-parser'

export interface JunitCase {
  name: string
  classname: string
  time: string
  outcome: 'passed' | 'failure' | 'error' | 'skipped'
  /** The message attribute of the failure/error/skipped element. */
  message?: string
  /** The text of the failure/error element. */
  body?: string
  systemOut?: string
}

export interface JunitFile {
  counts: { tests: number; failures: number; errors: number; skipped: number }
  suites: Array<{ name: string; counts: { tests: number; failures: number; errors: number; skipped: number }; cases: JunitCase[] }>
  cases: JunitCase[]
}

type Node = Record<string, unknown>

/**
 * Parses a JUnit XML file the way CI parsers read it and checks the structure they rely on: well-formed XML, root
 * `testsuites`, each `testsuite` with name/tests/failures/errors/skipped/time whose counts match its testcases,
 * root counts equal to the sums, every `testcase` with name, classname and time. Throws on the first problem.
 */
export function parseJunit(xml: string): JunitFile {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`)
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseAttributeValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  }).parse(xml) as Node
  const root = doc['testsuites'] as Node | undefined
  if (!root) throw new Error(`root element is not testsuites: ${Object.keys(doc).join(', ')}`)
  const counts = (n: Node, what: string) => {
    const out = { tests: 0, failures: 0, errors: 0, skipped: 0 }
    for (const k of ['tests', 'failures', 'errors', 'skipped', 'time'] as const) {
      const v = n[`@${k}`]
      if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v)) throw new Error(`${what} has no numeric ${k} attribute (got ${String(v)})`)
      if (k !== 'time') out[k] = Number(v)
    }
    return out
  }
  const suites: JunitFile['suites'] = []
  for (const s of (root['testsuite'] as Node[] | undefined) ?? []) {
    const name = s['@name']
    if (typeof name !== 'string' || name === '') throw new Error('a testsuite has no name')
    const c = counts(s, `testsuite ${name}`)
    const cases: JunitCase[] = ((s['testcase'] as Node[] | undefined) ?? []).map((t) => toCase(t, name))
    const actual = {
      tests: cases.length,
      failures: cases.filter((x) => x.outcome === 'failure').length,
      errors: cases.filter((x) => x.outcome === 'error').length,
      skipped: cases.filter((x) => x.outcome === 'skipped').length,
    }
    if (JSON.stringify(actual) !== JSON.stringify(c)) throw new Error(`testsuite ${name} says ${JSON.stringify(c)} but holds ${JSON.stringify(actual)}`)
    suites.push({ name, counts: c, cases })
  }
  const total = counts(root, 'testsuites')
  const sum = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  for (const s of suites) for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += s.counts[k]
  if (JSON.stringify(sum) !== JSON.stringify(total)) throw new Error(`testsuites says ${JSON.stringify(total)} but its suites add up to ${JSON.stringify(sum)}`)
  return { counts: total, suites, cases: suites.flatMap((s) => s.cases) }
}

function toCase(t: Node, suite: string): JunitCase {
  const name = t['@name']
  const classname = t['@classname']
  const time = t['@time']
  if (typeof name !== 'string' || name === '') throw new Error(`a testcase in ${suite} has no name`)
  if (typeof classname !== 'string' || classname === '') throw new Error(`testcase ${name} has no classname`)
  if (typeof time !== 'string' || !/^\d+(\.\d+)?$/.test(time)) throw new Error(`testcase ${name} has no numeric time`)
  const present = (['failure', 'error', 'skipped'] as const).filter((k) => k in t)
  if (present.length > 1) throw new Error(`testcase ${name} has ${present.join(' and ')}`)
  const outcome = present[0] ?? 'passed'
  const el = present[0] ? t[present[0]] : undefined
  const message = typeof el === 'object' && el !== null ? ((el as Node)['@message'] as string | undefined) : undefined
  const body = typeof el === 'object' && el !== null ? ((el as Node)['#text'] as string | undefined) : typeof el === 'string' ? el : undefined
  const out = t['system-out']
  return {
    name,
    classname,
    time,
    outcome,
    ...(message !== undefined ? { message } : {}),
    ...(body !== undefined ? { body: String(body) } : {}),
    ...(out !== undefined ? { systemOut: String(out) } : {}),
  }
}
