#!/usr/bin/env bash
# The package as a user gets it: packed, installed into empty projects with npm, then used there. Prints the
# tarball's size and file count, and one line per step. Exit non-zero on any failure. In each project:
#  - vitest 4 (the peer dependency npm installs with the package): the command (--help, the embedded run,
#    `conformance serve` driven by curl and judged by a run from another process, docs/mock-ci.md's recipe), the
#    library from plain JavaScript (import, and require() on Node 20.19+), and docs/mock-ci.md's TypeScript recipes,
#    taken from the installed docs, type-checked by tsc (strict, nodenext: the packed declarations, no paths) and run;
#  - vitest 3.2 (the oldest the peer range allows): the same recipes type-checked and run, and a part of a run.
# npm installs from its cache where it can, so the check stays short.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server=''
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
npm pack --silent --pack-destination "$work" > "$work/pack.txt"
tarball="$work/$(tail -n 1 "$work/pack.txt")"
files=$(tar -tzf "$tarball" | wc -l | tr -d ' ')
echo "package: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KiB, $files files"

# The versions this repository is built and tested with, so npm finds them in its cache.
dev() { node -p "require('$root/package.json').devDependencies['$1']"; }
tools=("typescript@$(dev typescript)" "@types/node@$(dev @types/node)" "twilio@$(dev twilio)")
VITEST_3=3.2.7

# An empty ES module project with the package and these packages installed.
project() {
  mkdir "$work/$1" && cd "$work/$1"
  npm init -y > /dev/null
  npm pkg set type=module
  npm i --no-audit --no-fund --silent --prefer-offline "$tarball" "${tools[@]}" "${@:2}"
  echo "$1: installed with vitest $(node -p "require('vitest/package.json').version") (${SECONDS} s so far)"
}

# docs/mock-ci.md's TypeScript recipes, as the installed package's copy of the page shows them, and a strict
# nodenext tsconfig; then tsc over them and vitest running them.
recipes() {
  node --input-type=module - << 'EXTRACT'
import { readFileSync, writeFileSync } from 'node:fs'
const page = readFileSync('node_modules/twilio-conversations-message-conformance/docs/mock-ci.md', 'utf8')
const blocks = [...page.matchAll(/<!-- recipe: test\/recipes\/(\S+\.ts) -->\n```ts\n([\s\S]*?)\n```/g)]
if (blocks.length < 2) throw new Error(`docs/mock-ci.md: ${blocks.length} TypeScript recipes found`)
for (const [, name, text] of blocks) writeFileSync(name, text + '\n')
console.log(`recipes from docs/mock-ci.md: ${blocks.map((b) => b[1]).join(', ')}`)
EXTRACT
  cat > tsconfig.json << 'TSCONFIG'
{ "compilerOptions": { "target": "ES2022", "module": "nodenext", "strict": true, "noEmit": true, "skipLibCheck": true, "types": ["node"] }, "include": ["*.ts"] }
TSCONFIG
  npx tsc --noEmit && echo "npx tsc --noEmit (strict, nodenext): ok"
  # The package's own declarations and vitest's, checked too (skipLibCheck spares only the twilio SDK's).
  npx tsc --noEmit --skipLibCheck false --strict --module nodenext --types node judge-your-mock.test.ts && echo "the package's declarations (skipLibCheck false): ok"
  npx vitest run --reporter dot > vitest.txt || { cat vitest.txt; exit 1; }
  echo "npx vitest run: $(sed 's/\x1b\[[0-9;]*m//g' vitest.txt | grep -E '^ *Tests ' | tr -s ' ')"
}

project vitest-4
npx conformance --help > help.txt && grep -q 'npx conformance' help.txt && echo "npx conformance --help: ok"
npx conformance --quiet
echo "npx conformance (the embedded run): exit $?"

cat > package.test.mjs <<'TEST'
import { startReferenceServer, validateMessage, requirements } from 'twilio-conversations-message-conformance'
import 'twilio-conversations-message-conformance/vitest'
import messageSchema from 'twilio-conversations-message-conformance/schemas/message.json' with { type: 'json' }
import { expect, test } from 'vitest'

test('the reference server, a message it creates, the matchers and the validators', async () => {
  const server = await startReferenceServer()
  const auth = { authorization: 'Basic ' + Buffer.from(`${server.accountSid}:${server.authToken}`).toString('base64') }
  const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' }
  const conversation = await (await fetch(`${server.url}/v1/Conversations`, { method: 'POST', headers: form, body: 'FriendlyName=package' })).json()
  const created = await (await fetch(`${server.url}/v1/Conversations/${conversation.sid}/Messages`, { method: 'POST', headers: form, body: 'Body=Ahoy' })).json()
  expect(created).toBeConformantMessage()
  expect(() => expect({ ...created, sid: 'IMbroken' }).toBeConformantMessage()).toThrow(/msg\.representation\.sids \(must\) at \/sid/)
  const missing = await fetch(`${server.url}/v1/Conversations/${conversation.sid}/Messages/IM${'0'.repeat(32)}`, { headers: auth })
  expect(missing.status).toBe(404)
  expect(await missing.json()).toBeTwilioError(404)
  const broken = validateMessage({ ...created, sid: 'IMbroken', attributes: { not: 'a string' } })
  expect(broken.valid).toBe(false)
  expect(broken.findings.map((f) => f.requirement)).toEqual(expect.arrayContaining(['msg.representation.sids', 'msg.representation.attributes-json']))
  expect(requirements.length).toBeGreaterThan(80)
  expect(messageSchema.$id).toBe('urn:conversations-conformance:schema:message')
  await server.close()
})
TEST
npx vitest run package.test.mjs > vitest.txt || { cat vitest.txt; exit 1; }
echo "a vitest test using the library in an empty project: ok"

# Every relative link of the installed pages, and every expectations file they name, is in the package.
node --input-type=module - << 'LINKS'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
const pkg = 'node_modules/twilio-conversations-message-conformance'
const pages = ['README.md', 'docs/mock-ci.md', 'docs/nightly.md', 'docs/certify.md', 'mock/README.md']
const broken = []
let links = 0
for (const page of pages) {
  const text = readFileSync(join(pkg, page), 'utf8')
  for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/.test(target)) continue
    links++
    if (!existsSync(join(pkg, dirname(page), target))) broken.push(`${page} -> ${target}`)
  }
  for (const [, path] of text.matchAll(/`(expectations\/[^`\s]+\.json)`/g)) if (!existsSync(join(pkg, path))) broken.push(`${page} -> ${path}`)
}
if (broken.length > 0) {
  console.error(`links that break in the installed package: ${broken.join(', ')}`)
  process.exit(1)
}
console.log(`${links} relative links in ${pages.length} installed pages: all resolve`)
LINKS

cat > required.cjs << 'REQUIRE'
const { requirements, validatePage } = require('twilio-conversations-message-conformance')
if (typeof validatePage !== 'function') throw new Error('no validatePage')
try {
  require('twilio-conversations-message-conformance/vitest')
  throw new Error('the matchers were required')
} catch (err) {
  if (!/is an ES module: import it/.test(err.message) || err.message.includes('\n')) throw err
}
console.log(`require() of the package (Node ${process.versions.node}): ${requirements.length} requirements; of /vitest: one line, "is an ES module"`)
REQUIRE
node required.cjs

recipes

# docs/mock-ci.md's recipe for a client in another language: `conformance serve`, curl, and a run against it.
grep -q '<!-- recipe: docs/recipes/serve-with-curl.sh -->' node_modules/twilio-conversations-message-conformance/docs/mock-ci.md
bash -euo pipefail "$root/docs/recipes/serve-with-curl.sh" > serve-recipe.txt
grep -q '^CONFORMANT ' serve-recipe.txt && grep -q 'Received SIGTERM, closing' serve.txt
echo "conformance serve: $(head -n 1 serve.txt | sed -E 's/(TOKEN=)\S+/\1…/'); curl created and listed a message; a run from another process: $(grep '^CONFORMANT' serve-recipe.txt | cut -d' ' -f1); SIGTERM: exit 0"

# SIGINT (Ctrl+C) ends it with 0 as well; --json is one line.
node_modules/.bin/conformance serve --port 0 --json > serve.json &
server=$!
until [ -s serve.json ]; do sleep 0.2; done
node -e "const s = JSON.parse(require('fs').readFileSync('serve.json', 'utf8')); if (!/^http:/.test(s.url) || !/^AC/.test(s.accountSid)) process.exit(1)"
kill -INT "$server"
wait "$server" && echo "conformance serve --json: one JSON line; SIGINT: exit 0"
server=''

project vitest-3 "vitest@$VITEST_3"
recipes
npx conformance --quiet msg.create > run.txt || { cat run.txt; exit 1; }
echo "npx conformance msg.create on vitest $VITEST_3: $(grep -oE '^CONFORMANT[^ ]*( \(partial[^)]*\))?' run.txt)"
echo "package check: ok in ${SECONDS} s"
