import fc from 'fast-check'

/** Every casing of a word: `asc` → `asc`, `ASC`, `aSc`, … */
export function anyCasing(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''))
}

export const orderValue: fc.Arbitrary<{ order: 'asc' | 'desc'; sent: string }> = fc.constantFrom<'asc' | 'desc'>('asc', 'desc').chain((order) => anyCasing(order).map((sent) => ({ order, sent })))

/** Page sizes in the documented range, biased to small ones so that paging has several pages to follow. */
export const pageSize: fc.Arbitrary<number> = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 6 }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 1 })

/** Page sizes outside 1 to 100. */
export const pageSizeOutOfRange: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, -1, 101, 1000), fc.integer({ min: 101, max: 100_000 }), fc.integer({ min: -1000, max: 0 }))
