import { main } from './main.ts'

// `conformance --list | head`: a reader that stops early is not an error; stop quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
}

// process.exit rather than exitCode: a worker pool or keep-alive socket left open must not keep a CI step hanging.
main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (err: unknown) => {
    // Anything that reaches here is a bug in the suite, not a user mistake: say so and keep the stack.
    process.stderr.write(`conformance: internal error, please report it: ${(err as Error)?.stack ?? String(err)}\n`)
    exitAfterFlush(2)
  },
)

function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}
