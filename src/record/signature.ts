/**
 * Signed bundles. A bundle that only verifies as consistent could have been made by anyone who holds it: the report
 * and the recording can be forged together. A signature says who made it. The signer hashes every file of the
 * bundle (SHA-256) and signs, with Ed25519 (node:crypto; keys in PEM, PKCS#8 private and SPKI public, as
 * `openssl genpkey -algorithm ed25519` makes them), a short readable statement: the suite and its version, the
 * target, the signer's key fingerprint and the digest of each file. `signature.json` holds the statement line by
 * line and the signature, so a reviewer reads what was signed without any tool.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const SIGNATURE_FILE = 'signature.json'
const SIGNATURE_FORMAT = 'conversations-message-conformance-signature'

export interface BundleFile {
  /** Relative to the bundle, with `/` between folders. */
  path: string
  sha256: string
}

export interface Statement {
  suite: { name: string; version: string }
  target: string
  /** The signer's public key fingerprint (keyFingerprint). */
  key: string
  files: BundleFile[]
}

export interface SignatureFile {
  format: typeof SIGNATURE_FORMAT
  formatVersion: 1
  /** The signed text, one line per item: the signature covers these lines joined with "\n". */
  statement: string[]
  /** Ed25519 signature of the statement, base64. */
  signature: string
}

/** Every file of the bundle but its signature, sorted by path, with its SHA-256. */
export function bundleFiles(dir: string): BundleFile[] {
  const out: BundleFile[] = []
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(path)
      else if (path !== SIGNATURE_FILE) out.push({ path, sha256: createHash('sha256').update(readFileSync(join(dir, path))).digest('hex') })
    }
  }
  walk('')
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** `sha256:` and the hex SHA-256 of the public key (SPKI, DER): what a certifier publishes beside the key. */
export function keyFingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key
  return `sha256:${createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex')}`
}

function ed25519(key: KeyObject, file: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is a key of type ${key.asymmetricKeyType ?? 'secret'}; bundles are signed with Ed25519 (conformance keygen DIR makes a pair)`)
  return key
}

/** An Ed25519 private key from a PEM (PKCS#8) file; an Error with one readable line otherwise. */
export function readPrivateKey(file: string): KeyObject {
  const pem = readKeyFile(file)
  try {
    return ed25519(createPrivateKey(pem), file)
  } catch (err) {
    throw new Error(/Ed25519/.test((err as Error).message) ? (err as Error).message : `${file} is not a PEM private key (PKCS#8, "BEGIN PRIVATE KEY")`)
  }
}

/** An Ed25519 public key from a PEM (SPKI, "BEGIN PUBLIC KEY") file. */
export function readPublicKey(file: string): KeyObject {
  const pem = readKeyFile(file)
  if (/PRIVATE KEY/.test(pem)) throw new Error(`${file} is a private key: verify with the public one (the .pub.pem beside it); the private key stays with the signer`)
  try {
    return ed25519(createPublicKey(pem), file)
  } catch (err) {
    throw new Error(/Ed25519/.test((err as Error).message) ? (err as Error).message : `${file} is not a PEM public key ("BEGIN PUBLIC KEY")`)
  }
}

function readKeyFile(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    throw new Error(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(err as NodeJS.ErrnoException).code})`}`)
  }
}

/** A new key pair, as PEM texts: the private key PKCS#8, the public key SPKI. */
export function newKeyPair(): { privatePem: string; publicPem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
  }
}

export function statementLines(s: Statement): string[] {
  return [
    `${SIGNATURE_FORMAT} 1`,
    `suite ${s.suite.name} ${s.suite.version}`,
    `target ${s.target}`,
    `key ${s.key}`,
    ...s.files.map((f) => `file ${f.sha256} ${f.path}`),
  ]
}

/** The statement the lines say, or why they are not one. */
function parseStatement(lines: readonly string[]): Statement | string {
  if (lines[0] !== `${SIGNATURE_FORMAT} 1`) return `its statement does not start with "${SIGNATURE_FORMAT} 1"`
  const suite = /^suite (\S+) (\S+)$/.exec(lines[1] ?? '')
  const target = /^target (.+)$/.exec(lines[2] ?? '')
  const key = /^key (sha256:[0-9a-f]{64})$/.exec(lines[3] ?? '')
  if (!suite || !target || !key) return 'its statement lacks the suite, target or key line'
  const files: BundleFile[] = []
  for (const line of lines.slice(4)) {
    const m = /^file ([0-9a-f]{64}) (.+)$/.exec(line)
    if (!m) return `its statement has a line that is not a file digest: ${JSON.stringify(line.slice(0, 80))}`
    files.push({ sha256: m[1]!, path: m[2]! })
  }
  return { suite: { name: suite[1]!, version: suite[2]! }, target: target[1]!, key: key[1]!, files }
}

/** The signature of the bundle in `dir` as it is now, by `key`. */
export function signBundle(dir: string, key: KeyObject, facts: { suite: Statement['suite']; target: string }): { file: SignatureFile; statement: Statement } {
  const statement: Statement = { ...facts, key: keyFingerprint(key), files: bundleFiles(dir) }
  const lines = statementLines(statement)
  return { file: { format: SIGNATURE_FORMAT, formatVersion: 1, statement: lines, signature: sign(null, Buffer.from(lines.join('\n')), key).toString('base64') }, statement }
}

/**
 * Checks the bundle in `dir` against its signature and `key`: first the signature, then every file's digest.
 * Returns the signed statement, or the problems, each naming the file (the first file that differs first).
 */
export function checkBundleSignature(dir: string, key: KeyObject, keyFile: string): { statement: Statement } | { problems: string[] } {
  const file = join(dir, SIGNATURE_FILE)
  if (!existsSync(file)) return { problems: [`${SIGNATURE_FILE}: the bundle is not signed (conformance sign BUNDLE --key KEY signs it)`] }
  let value: Partial<SignatureFile>
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as Partial<SignatureFile>
  } catch (err) {
    return { problems: [`${SIGNATURE_FILE}: not JSON (${(err as Error).message})`] }
  }
  if (value.format !== SIGNATURE_FORMAT || !Array.isArray(value.statement) || typeof value.signature !== 'string') return { problems: [`${SIGNATURE_FILE}: not a bundle signature (format ${SIGNATURE_FORMAT})`] }
  const lines = value.statement.map(String)
  const parsed = parseStatement(lines)
  if (typeof parsed === 'string') return { problems: [`${SIGNATURE_FILE}: ${parsed}`] }
  const mine = keyFingerprint(key)
  if (!verify(null, Buffer.from(lines.join('\n')), key, Buffer.from(value.signature, 'base64'))) {
    const claim = parsed.key === mine ? 'it names this key, but the statement or the signature was changed' : `it names the key ${parsed.key}`
    return { problems: [`${SIGNATURE_FILE}: not signed by the key in ${keyFile} (${mine}); ${claim}`] }
  }
  const problems = differingFiles(parsed.files, bundleFiles(dir))
  return problems.length > 0 ? { problems } : { statement: parsed }
}

/** Each file added, removed or changed since it was signed, in path order. */
function differingFiles(signed: readonly BundleFile[], now: readonly BundleFile[]): string[] {
  const before = new Map(signed.map((f) => [f.path, f.sha256]))
  const after = new Map(now.map((f) => [f.path, f.sha256]))
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort()
  return paths.flatMap((p) => {
    const was = before.get(p)
    const is = after.get(p)
    if (was === undefined) return [`${p}: added after the bundle was signed`]
    if (is === undefined) return [`${p}: removed after the bundle was signed`]
    return was === is ? [] : [`${p}: changed after the bundle was signed (SHA-256 ${is.slice(0, 12)}…, signed ${was.slice(0, 12)}…)`]
  })
}
