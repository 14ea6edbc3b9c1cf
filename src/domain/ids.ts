/**
 * Ids made from names, one way everywhere: a pasted or imported slice, a self-hosted model, a slice named after
 * it was added.
 */

/**
 * A name as an id: lower case, accents dropped, every run of other characters a hyphen, dots kept for versions
 * ("Qwen3 0.6B" → "qwen3-0.6b", "Support chat (EU)" → "support-chat-eu"); `fallback` when nothing is left.
 */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug === '' ? fallback : slug;
}

/** `base`, or the first of `base-2`, `base-3`, … that none of `taken` is. */
export function makeUniqueId(base: string, taken: Iterable<string>): string {
  return findFree(base, taken, (n) => `${base}-${n}`);
}

/** `base` if none of `taken` is, else the first `numbered(2)`, `numbered(3)`, … that none is. */
function findFree(base: string, taken: Iterable<string>, numbered: (n: number) => string): string {
  const used = taken instanceof Set ? (taken as ReadonlySet<string>) : new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(n);
    if (!used.has(candidate)) return candidate;
  }
}

/** The id a slice named `name` is given among `otherIds`: "Support chat (EU)" → "support-chat-eu". */
export function makeSliceId(name: string, otherIds: Iterable<string>): string {
  return makeUniqueId(slugify(name, 'slice'), otherIds);
}

/** `name`, or the first of "name (2)", "name (3)", … that none of `taken` is: two scenarios never share a name. */
export function makeUniqueName(name: string, taken: Iterable<string>): string {
  return findFree(name, taken, (n) => `${name} (${n})`);
}
