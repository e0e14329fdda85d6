import fc from 'fast-check'

/** Twilio's documented limit for message Attributes is 4 KB; generated values stay well inside it. */
const ATTRIBUTES_MAX_BYTES = 3500

const isJson = (s: string): boolean => {
  try {
    JSON.parse(s)
    return true
  } catch {
    return false
  }
}

/** Attributes from any JSON value (objects, arrays, strings, numbers, booleans, null), serialised. */
export const attributesJson: fc.Arbitrary<string> = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.stringify(v))
  .filter((s) => s !== undefined && Buffer.byteLength(s) <= ATTRIBUTES_MAX_BYTES)

/** Attributes holding a JSON object (what the Attributes page says the field is), serialised. */
export const attributesObjectJson: fc.Arbitrary<string> = fc
  .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
  .map((v) => JSON.stringify(v))
  .filter((s) => Buffer.byteLength(s) <= ATTRIBUTES_MAX_BYTES)

/** Strings that are not structurally valid JSON: the near misses people write, and arbitrary text. */
export const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("{ 'importance': 'high' }", '{importance: "high"}', '{"a":1,}', '[1,2', '{"a":}', 'undefined', 'NaN', "'text'", '{"a":1}}', 'tru', '{"a" 1}'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !isJson(s)),
)

export { isJson }
