// Faults, variants and conditions are all named switches chosen at start-up. This is the one place
// that turns a list of names into a checked set, so every table rejects typos the same way.
// A switch may carry a value, written `name=value` (`latency=50`); only the names a table says take
// one accept it, so `create-200=1` is refused rather than silently read as `create-200`.

export interface Switches<Name extends string> {
  /** True when the named switch is on. Hooks call this at the exact point where behaviour changes. */
  on(name: Name): boolean
  /** The text after `=` when the switch was given as `name=value` (the last one wins), else undefined. */
  value(name: Name): string | undefined
  readonly enabled: readonly Name[]
}

/**
 * Throws an Error listing the valid names when `names` contains one that `table` does not define, or
 * a `name=value` whose name does not take a value (`takesValue`; by default none does).
 */
export function resolveSwitches<Name extends string>(
  kind: string,
  table: Readonly<Record<Name, string>>,
  names: readonly string[] = [],
  takesValue: (name: Name) => boolean = () => false,
): Switches<Name> {
  const valid = Object.keys(table) as Name[]
  const given = names.map((text) => {
    const eq = text.indexOf('=')
    return eq === -1 ? { name: text, value: undefined } : { name: text.slice(0, eq), value: text.slice(eq + 1) }
  })
  const unknown = given.filter((g) => !Object.hasOwn(table, g.name)).map((g) => g.name)
  if (unknown.length > 0) {
    const list = valid.length > 0 ? valid.join(', ') : '(none defined)'
    throw new Error(`Unknown ${kind} ${unknown.map((n) => JSON.stringify(n)).join(', ')}; valid ${kind}s: ${list}`)
  }
  const values = new Map<Name, string>()
  for (const { name, value } of given as Array<{ name: Name; value: string | undefined }>) {
    if (value === undefined) continue
    if (!takesValue(name)) throw new Error(`The ${kind} ${JSON.stringify(name)} takes no value (given ${JSON.stringify(`${name}=${value}`)})`)
    values.set(name, value)
  }
  const set = new Set(given.map((g) => g.name as Name))
  return { on: (name) => set.has(name), value: (name) => values.get(name), enabled: [...set] }
}
