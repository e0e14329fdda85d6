/** RFC 6901 JSON pointers: the coverage model cites every constraint's place in the OpenAPI file by one. */

export function encodePointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`)
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The value at `pointer`, or undefined when the document has nothing there. */
export function valueAt(doc: unknown, pointer: string): unknown {
  let here: unknown = doc
  for (const token of decodePointer(pointer)) {
    if (typeof here !== 'object' || here === null || !Object.prototype.hasOwnProperty.call(here, token)) return undefined
    here = (here as Record<string, unknown>)[token]
  }
  return here
}

/** Appends tokens to a pointer: `child('/paths', '/v1/X')` is `/paths/~1v1~1X`. */
export function child(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + encodePointer(tokens)
}
