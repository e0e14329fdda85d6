/**
 * `import 'twilio-conversations-message-conformance/vitest'` registers three matchers with vitest's expect:
 *
 *   expect(body).toBeConformantMessage({ scope?: 'default' | 'service' })
 *   expect(body).toBeConformantPage({ scope? })
 *   expect(body).toBeTwilioError(status?)
 *
 * A failure names each finding's requirement ID, JSON pointer and doc link. The matchers register with the vitest
 * your tests run on: the copy your project resolves, not a copy of this package's own, should they differ.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Scope, validateError, validateMessage, validatePage, type ValidationResult } from './index.ts'

interface MatcherResult {
  pass: boolean
  message: () => string
}

type Expect = { extend(matchers: Record<string, (this: { isNot: boolean }, received: unknown, ...args: never[]) => MatcherResult>): void }

function describeFindings(what: string, result: ValidationResult): string {
  const lines = result.findings.map((f) => `  ${f.level === 'must' ? '✗' : '!'} ${f.requirement} (${f.level}) at ${f.pointer || '/'}: ${f.message}\n      ${f.ref}`)
  return `expected ${what}, but:\n${lines.join('\n')}`
}

function matcher(what: string, judge: (received: unknown) => ValidationResult): (received: unknown) => MatcherResult {
  return (received) => {
    const result = judge(received)
    return {
      pass: result.valid,
      message: () => (result.valid ? `expected the body not to be ${what}, but it is (no must-level finding)` : describeFindings(`a conformant ${what}`, result)),
    }
  }
}

export const conformanceMatchers = {
  toBeConformantMessage: (received: unknown, options: { scope?: Scope } = {}) => matcher('Conversations message', (b) => validateMessage(b, options))(received),
  toBeConformantPage: (received: unknown, options: { scope?: Scope } = {}) => matcher('page of Conversations messages', (b) => validatePage(b, options))(received),
  toBeTwilioError: (received: unknown, status?: number) => matcher(status === undefined ? 'Twilio error' : `Twilio error with status ${status}`, (b) => validateError(b, status === undefined ? {} : { status }))(received),
}

/** vitest as the project running the tests resolves it; this package's own copy if that cannot be found. */
async function projectExpect(): Promise<Expect> {
  try {
    const require = createRequire(join(process.cwd(), 'package.json'))
    const manifest = require.resolve('vitest/package.json')
    const pkg = require(manifest) as { exports?: { '.'?: { import?: { default?: string } | string } } }
    const entry = pkg.exports?.['.']?.import
    const file = typeof entry === 'string' ? entry : entry?.default
    if (file) return ((await import(pathToFileURL(join(manifest, '..', file)).href)) as { expect: Expect }).expect
  } catch {
    // no vitest of the project's own: fall through
  }
  return ((await import('vitest')) as unknown as { expect: Expect }).expect
}

;(await projectExpect()).extend(conformanceMatchers as unknown as Parameters<Expect['extend']>[0])

interface ConformanceMatchers<R = unknown> {
  /** The body is a conformant message (create, fetch, update, a list item): no must-level finding. */
  toBeConformantMessage(options?: { scope?: Scope }): R
  /** The body is a conformant page of a list: meta and every message. */
  toBeConformantPage(options?: { scope?: Scope }): R
  /** The body is a Twilio error (code, message, more_info, status), with this HTTP status if given. */
  toBeTwilioError(status?: number): R
}

// vitest's documented seam for custom matchers (3.2 and later) is `Matchers<T = any>` alone: `expect(x).…` and the
// asymmetric `expect.…` both extend it. Augmenting `Assertion<T>` instead compiled in this repository but not in a
// consumer's project (strict, nodenext, the packed package): the matchers were missing there (TS2339). Augmenting
// `AsymmetricMatchersContaining` too makes vitest's own `ExpectStatic` invalid (two differing members).
// scripts/check-package.sh type-checks such a project, with vitest 4 and 3. `vitest` here is the consumer's own
// copy: it is a peer dependency of this package.
declare module 'vitest' {
  interface Matchers<T = any> extends ConformanceMatchers<T> {}
}
