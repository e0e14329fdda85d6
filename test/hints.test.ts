import { describe, expect, test } from 'vitest'
import { nextSteps } from '../src/cli/console.ts'
import { commandHintFor, launcherFor } from '../src/cli/launcher.ts'
import { parseRunOptions } from '../src/cli/options.ts'
import { REQUIREMENTS } from '../src/catalogue/requirements.ts'
import { buildRunReport } from '../src/report/run-report.ts'
import { commandLine, envNote, rerunCommand } from '../src/run/command.ts'

// The commands hints print must run where the user is, as printed: the launcher they use, the target's flags, the
// credentials by the variables they come from (never by value), one seed; a replay's hints replay.

const options = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const o = parseRunOptions(argv, env, () => {}, () => 'v')
  if (o === 'exit') throw new Error('exit')
  return o
}
const TOKEN = 'a-secret-auth-token'
const SID = 'AC' + '1'.repeat(32)

describe('the launcher, from where the package is and where the user is', () => {
  test('an installed package: npx conformance from its project (and below); conformance from elsewhere (a global install)', () => {
    const pkg = '/home/me/app/node_modules/twilio-conversations-message-conformance'
    expect(launcherFor(pkg, '/home/me/app')).toBe('npx conformance')
    expect(launcherFor(pkg, '/home/me/app/test')).toBe('npx conformance')
    expect(launcherFor('/home/me/app/node_modules/.pnpm/twilio-conversations-message-conformance@0.2.0/node_modules/twilio-conversations-message-conformance', '/home/me/app')).toBe('npx conformance')
    expect(launcherFor('/usr/lib/node_modules/twilio-conversations-message-conformance', '/home/me/other')).toBe('conformance')
  })

  test('this repository: npm run conformance -- from its root; the bin by path from anywhere else', () => {
    expect(launcherFor('/work/suite', '/work/suite')).toBe('npm run conformance --')
    expect(launcherFor('/work/suite', '/tmp/x')).toBe('node /work/suite/bin/conformance.mjs')
    expect(launcherFor('/work/suite', '/work')).toBe('node ./suite/bin/conformance.mjs')
  })
})

describe('the command a hint prints', () => {
  const pkg = '/p/node_modules/twilio-conversations-message-conformance'
  test('credentials given as flags are named by their variables, never printed', () => {
    const o = options(['--target', 'http://127.0.0.1:4010', '--account-sid', SID, '--auth-token', TOKEN])
    const hint = commandHintFor(o, { embedded: false, profile: 'ci', defaultProfile: 'ci' }, pkg, '/p')
    const cmd = rerunCommand(hint, 'msg.list.order-desc', 7)
    expect(cmd).toBe('npx conformance msg.list.order-desc --seed 7 --target http://127.0.0.1:4010')
    expect(envNote(hint)).toBe('with the credentials in TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (set them first; the suite reads them from the environment)')
    expect(JSON.stringify(hint)).not.toContain(TOKEN)
    // The CLI reads exactly those variables: the command, with them set, reaches the same target with the same account.
    const again = options(cmd.split(' ').slice(2), { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN })
    expect(again).toMatchObject({ target: 'http://127.0.0.1:4010', accountSid: SID, authToken: TOKEN, seed: 7, select: ['msg.list.order-desc'] })
  })

  test('an API key: its three variables; a profile or --runs that decide the inputs are kept', () => {
    const o = options(['--target', 'https://conversations.twilio.com', '--account-sid', SID, '--api-key', 'SK' + 'a'.repeat(32), '--api-secret', 'x', '--profile', 'ci', '--runs', '5'])
    const hint = commandHintFor(o, { embedded: false, profile: 'ci', defaultProfile: 'live' }, pkg, '/p')
    expect(hint.env).toEqual(['TWILIO_ACCOUNT_SID', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'])
    expect(rerunCommand(hint, 'msg.x', 3)).toBe('npx conformance msg.x --seed 3 --profile ci --runs 5 --target https://conversations.twilio.com')
  })

  test("a replay's commands replay: --replay DIR, no seed, no target, no credentials", () => {
    const hint = commandHintFor(options(['--replay', 'recordings/nightly']), { embedded: false, profile: 'live', defaultProfile: 'ci' }, '/repo', '/repo')
    expect(rerunCommand(hint, 'msg.x', 3)).toBe('npm run conformance -- msg.x --replay recordings/nightly')
    expect(envNote(hint)).toBeUndefined()
  })

  test("a replay's next steps replay, and do not send the user to the live target", () => {
    const hint = commandHintFor(options(['--replay', 'rec']), { embedded: false, profile: 'live', defaultProfile: 'ci' }, '/repo', '/repo')
    const req = REQUIREMENTS[0]!
    const report = buildRunReport([req], [{ name: `${req.id} [default]`, requirement: req.id, scope: 'default', status: 'error', message: 'could not create a conversation', observations: [], requests: 1, durationMs: 1 }], {
      suite: { name: 's', version: '1' },
      target: { url: 'https://conversations.twilio.com', embedded: false },
      profile: 'live',
      seed: 9,
      startedAt: new Date(),
      durationMs: 1,
      runErrors: [],
    })
    const lines = nextSteps(report, hint).join('\n')
    expect(lines).toContain(`see every request and answer: npm run conformance -- ${req.id} --verbose --replay rec`)
    expect(lines).not.toMatch(/--target|--profile live|--timeout/)
    // The same report from a live run: the next step runs against that target, with the run's seed.
    const live = commandHintFor(options(['--target', 'https://conversations.twilio.com', '--account-sid', SID, '--auth-token', TOKEN]), { embedded: false, profile: 'live', defaultProfile: 'live' }, '/repo', '/repo')
    expect(nextSteps(report, live).join('\n')).toContain(`npm run conformance -- ${req.id} --seed 9 --verbose --target https://conversations.twilio.com`)
    expect(commandLine(live, ['--list'])).toBe('npm run conformance -- --list --target https://conversations.twilio.com')
  })
})
