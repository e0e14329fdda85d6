/** A mistake the user can fix (bad flag, unreachable target, rejected credentials): one line, exit 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError'

  // A message may quote another's (a JSON parser's, a server's), which can span lines: it is printed as one.
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim())
  }
}
