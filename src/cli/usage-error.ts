/** A mistake the user can fix (bad flag, unreachable target, rejected credentials): one line, exit 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError'
}
