// `npm run mock` (`tsx mock/main.ts --port 4010 [--fault NAME[,NAME]] [--condition NAME[=VALUE]] ...`): the reference
// server until SIGINT/SIGTERM (mock/command.ts, which `conformance serve` runs too). Credentials default to the
// suite's environment variables (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET), so a
// mock started by hand and the suite agree without copying random values between terminals.
import { serveCommand } from './command.ts'

const CREDENTIAL_VARIABLES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET']

const code = await serveCommand(process.argv.slice(2), {
  command: 'mock',
  prefix: 'mock',
  env: Object.fromEntries(CREDENTIAL_VARIABLES.map((v) => [v, process.env[v]])),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
})
process.stdout.write('', () => process.exit(code))
