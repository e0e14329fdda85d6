#!/usr/bin/env bash
# The package as a user gets it: packed, installed into an empty project with npm, then its command and its library
# used there with no TypeScript step. Prints the tarball's size and file count. Exit non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
npm pack --silent --pack-destination "$work" > "$work/pack.txt"
tarball="$work/$(tail -n 1 "$work/pack.txt")"
files=$(tar -tzf "$tarball" | wc -l | tr -d ' ')
echo "package: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KiB, $files files"

mkdir "$work/project" && cd "$work/project"
npm init -y > /dev/null
npm i --no-audit --no-fund --silent "$tarball"
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
npx vitest run package.test.mjs
echo "a vitest test using the library in an empty project: ok"
