/**
 * Entries of a scenario's lists (models, slices, strategies) by id. Scenario objects are never changed in
 * place, so a list is indexed once per array object and every later lookup is a map read: a screen that names
 * the model of each of 200 slices in a 10,000-model catalog does not scan the catalog 200 times.
 */

type WithId = { readonly id: string };

const indexes = new WeakMap<readonly WithId[], ReadonlyMap<string, WithId>>();

/** The list's entries by id, the first entry of an id winning (as a list search would find it). */
export function indexById<T extends WithId>(list: readonly T[]): ReadonlyMap<string, T> {
  let index = indexes.get(list);
  if (!index) {
    const built = new Map<string, T>();
    for (const entry of list) if (!built.has(entry.id)) built.set(entry.id, entry);
    index = built;
    indexes.set(list, index);
  }
  return index as ReadonlyMap<string, T>;
}

/** The first entry of the list with this id, or undefined: `list.find((e) => e.id === id)`, indexed. */
export function findById<T extends WithId>(list: readonly T[], id: string): T | undefined {
  return indexById(list).get(id);
}

/**
 * Indexes `next`, an edit of `previous` (same length, a few entries replaced in their places), from
 * `previous`'s index when it has one: a copy with the replaced entries swapped in, cheaper than reading 10,000
 * models again. Left to `indexById` when an edit moved, added or removed entries, or changed an id the index
 * depends on; either way `indexById(next)` is then what reading `next` from scratch gives.
 */
export function indexEditedList<T extends WithId>(
  previous: readonly T[],
  next: readonly T[],
  replaced: readonly number[],
): void {
  const known = indexes.get(previous) as ReadonlyMap<string, T> | undefined;
  if (!known || indexes.has(next) || previous.length !== next.length) return;
  // A replaced entry that kept its id, and was the first of its id, takes its place in the copy.
  for (const at of replaced) {
    const before = previous[at]!;
    if (next[at]!.id !== before.id || known.get(before.id) !== before) return;
  }
  const index = new Map(known);
  for (const at of replaced) index.set(next[at]!.id, next[at]!);
  indexes.set(next, index);
}
