/**
 * `conformance sign BUNDLE --key KEY` and `conformance keygen DIR`: the certifier's side of a signed bundle
 * (src/record/signature.ts). Verify's side is `verify BUNDLE --public-key PUB`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Command } from 'commander'
import { newKeyPair, readPrivateKey, SIGNATURE_FILE, signBundle } from '../record/signature.ts'
import { parseCommand } from './parse-command.ts'
import { readRunReportFile } from './run-report-file.ts'
import { UsageError } from './usage-error.ts'
import { bundleTarget } from './verify-bundle.ts'

const SIGN_HELP = `
What is signed: a statement listing the SHA-256 of every file in BUNDLE (report.json, the recording's manifest.json,
every cassette, the certificate, anything else there), the suite and its version, the target the report names and
the fingerprint of the signing key. BUNDLE/${SIGNATURE_FILE} holds the statement as readable lines and its Ed25519
signature. Sign after the bundle verifies, and change nothing in it afterwards: any file added, removed or changed
makes "verify --public-key" refuse it, naming the file.

Who holds the key: whoever vouches for the run, e.g. the certifying organisation that ran it, not the vendor whose
server was checked. Keep KEY secret (a CI secret); publish the .pub.pem and its fingerprint.

The key: Ed25519, PEM (PKCS#8, "BEGIN PRIVATE KEY"). Make a pair with "conformance keygen DIR", or with openssl:
  openssl genpkey -algorithm ed25519 -out signing-key.pem
  openssl pkey -in signing-key.pem -pubout -out signing-key.pub.pem

Example:
  npx conformance verify bundle && npx conformance sign bundle --key keys/conformance-signing-key.pem
  npx conformance verify bundle --public-key conformance-signing-key.pub.pem     (anyone, later)

Exit status: 0 signed; 2 no such bundle, no report.json in it, or KEY is not an Ed25519 private key.`

export async function signCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const program = new Command('conformance sign')
    .description('Sign a certification bundle: an Ed25519 signature over the SHA-256 of every file in it, the suite version and the target.')
    .argument('<bundle>', 'the bundle folder: report.json, the recording(s), the certificate')
    .requiredOption('--key <file>', 'the Ed25519 private key, PEM (PKCS#8)')
    .addHelpText('after', SIGN_HELP)
    .allowExcessArguments(false)
  if (parseCommand(program, argv, out, (message) => `sign: ${message} (see sign --help)`)) return 0
  const bundle = resolve(program.args[0]!)
  const { key: keyFile } = program.opts<{ key: string }>()
  if (!existsSync(bundle)) throw new UsageError(`sign: ${bundle}: no such folder`)
  const report = readRunReportFile(join(bundle, 'report.json'), 'sign', { missing: ': a bundle to sign holds the run\'s JSON report as report.json' })
  let key
  try {
    key = readPrivateKey(keyFile)
  } catch (err) {
    throw new UsageError(`sign: ${(err as Error).message}`)
  }
  const replaced = existsSync(join(bundle, SIGNATURE_FILE))
  const { file, statement } = signBundle(bundle, key, { suite: report.suite, target: bundleTarget(report.target) })
  writeFileSync(join(bundle, SIGNATURE_FILE), JSON.stringify(file, null, 2) + '\n')
  out.write(
    `signed ${bundle}: ${statement.files.length} files, ${report.suite.name} ${report.suite.version}, target ${statement.target}, with the key ${statement.key}` +
      `${replaced ? ' (the earlier signature replaced)' : ''}\n` +
      `anyone can check it with: npx conformance verify ${program.args[0]} --public-key PUB (the public half of ${keyFile})\n`,
  )
  return 0
}

const KEYGEN_HELP = `
Writes DIR/conformance-signing-key.pem (the private key, PKCS#8, readable only by you) and
DIR/conformance-signing-key.pub.pem (the public key, SPKI), and prints the key's fingerprint. Refuses to replace
either file.

Keep the private key with whoever vouches for certifications (the certifying organisation, as a CI secret), never
with the vendor whose server is certified: a key the vendor holds proves only that the vendor made the bundle.
Publish the public key and its fingerprint where a reader of a certificate finds them.

The same pair with openssl:
  openssl genpkey -algorithm ed25519 -out conformance-signing-key.pem
  openssl pkey -in conformance-signing-key.pem -pubout -out conformance-signing-key.pub.pem`

export function keygenCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): number {
  const program = new Command('conformance keygen')
    .description('Make an Ed25519 key pair (PEM) for signing certification bundles (conformance sign).')
    .argument('<dir>', 'the folder to write the two key files into (made if missing)')
    .addHelpText('after', KEYGEN_HELP)
    .allowExcessArguments(false)
  if (parseCommand(program, argv, out, (message) => `keygen: ${message} (see keygen --help)`)) return 0
  const dir = resolve(program.args[0]!)
  const privateFile = join(dir, 'conformance-signing-key.pem')
  const publicFile = join(dir, 'conformance-signing-key.pub.pem')
  for (const f of [privateFile, publicFile]) if (existsSync(f)) throw new UsageError(`keygen: ${f} exists; keygen never replaces a key (give another folder, or remove it yourself)`)
  const pair = newKeyPair()
  mkdirSync(dir, { recursive: true })
  writeFileSync(privateFile, pair.privatePem, { mode: 0o600 })
  writeFileSync(publicFile, pair.publicPem)
  out.write(`private key: ${privateFile} (keep it secret: it signs in your name)\npublic key:  ${publicFile} (publish it)\nfingerprint: ${pair.fingerprint}\n`)
  return 0
}
