// Shared by the list checks that read page URLs: comparing two URLs of a list as a client would use them.

/** Two page URLs name the same page: the same origin, path and query parameters (in any order). */
export function sameListUrl(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || !URL.canParse(a) || !URL.canParse(b)) return false
  const norm = (s: string) => {
    const u = new URL(s)
    const params = [...u.searchParams.entries()].sort(([x, xv], [y, yv]) => (x === y ? xv.localeCompare(yv) : x.localeCompare(y)))
    return `${u.origin}${u.pathname}?${new URLSearchParams(params).toString()}`
  }
  return norm(a) === norm(b)
}

/** The four URLs of a page's meta, by name (the ones that are present). */
export function pageUrlsOf(meta: unknown): Array<[name: string, url: unknown]> {
  const m = (typeof meta === 'object' && meta !== null ? meta : {}) as Record<string, unknown>
  return (['url', 'first_page_url', 'previous_page_url', 'next_page_url'] as const).filter((n) => m[n] !== null && m[n] !== undefined).map((n) => [n, m[n]])
}
