// Faults and variants are both named on/off switches chosen at start-up. This is the one place that
// turns a list of names into a checked set, so both tables reject typos the same way.

export interface Switches<Name extends string> {
  /** True when the named switch is on. Hooks call this at the exact point where behaviour changes. */
  on(name: Name): boolean
  readonly enabled: readonly Name[]
}

/** Throws an Error listing the valid names when `names` contains one that `table` does not define. */
export function resolveSwitches<Name extends string>(kind: string, table: Readonly<Record<Name, string>>, names: readonly string[] = []): Switches<Name> {
  const valid = Object.keys(table) as Name[]
  const unknown = names.filter((n) => !Object.hasOwn(table, n))
  if (unknown.length > 0) {
    const list = valid.length > 0 ? valid.join(', ') : '(none defined)'
    throw new Error(`Unknown ${kind} ${unknown.map((n) => JSON.stringify(n)).join(', ')}; valid ${kind}s: ${list}`)
  }
  const set = new Set(names as Name[])
  return { on: (name) => set.has(name), enabled: [...set] }
}
