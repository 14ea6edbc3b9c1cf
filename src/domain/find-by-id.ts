/**
 * Entries of a scenario's lists (models, slices, strategies) by id. Scenario objects are never changed in
 * place, so a list is indexed once per array object and every later lookup is a map read: a screen that names
 * the model of each of 200 slices in a 10,000-model catalog does not scan the catalog 200 times.
 */

type WithId = { readonly id: string };

/** A list's entries by id: what a lookup needs of a `Map`. */
export type IdIndex<T> = {
  get(id: string): T | undefined;
  has(id: string): boolean;
  readonly size: number;
  values(): Iterable<T>;
  /** Its entries, `[id, entry]`, as a `Map`'s. */
  [Symbol.iterator](): Iterator<[string, T]>;
};

/** Edits layered on one plain index before they are folded into a plain index of their own. */
const MAX_LAYERS = 8;

/**
 * An index that is another with a few entries swapped for their edited selves (same ids): a lookup reads the
 * swaps, then the index below. An edit of one model in 10,000 then makes a map of one entry, not a copy of
 * 10,000; after `MAX_LAYERS` edits in a row they are folded into a plain map, so a lookup never walks a long chain.
 */
class SwappedIndex<T> implements IdIndex<T> {
  constructor(
    private readonly below: IdIndex<T>,
    private readonly swaps: ReadonlyMap<string, T>,
    readonly layers: number,
  ) {}
  get(id: string): T | undefined {
    return this.swaps.get(id) ?? this.below.get(id);
  }
  has(id: string): boolean {
    return this.below.has(id);
  }
  get size(): number {
    return this.below.size;
  }
  *values(): Iterator<T> & Iterable<T> {
    for (const [id, entry] of this.below) yield this.swaps.get(id) ?? entry;
  }
  *[Symbol.iterator](): Iterator<[string, T]> {
    for (const [id, entry] of this.below) yield [id, this.swaps.get(id) ?? entry];
  }
}

const indexes = new WeakMap<readonly WithId[], IdIndex<WithId>>();

/** The list's entries by id, the first entry of an id winning (as a list search would find it). */
export function indexById<T extends WithId>(list: readonly T[]): IdIndex<T> {
  let index = indexes.get(list);
  if (!index) {
    const built = new Map<string, T>();
    for (const entry of list) if (!built.has(entry.id)) built.set(entry.id, entry);
    index = built;
    indexes.set(list, index);
  }
  return index as IdIndex<T>;
}

/** The first entry of the list with this id, or undefined: `list.find((e) => e.id === id)`, indexed. */
export function findById<T extends WithId>(list: readonly T[], id: string): T | undefined {
  return indexById(list).get(id);
}

/**
 * Indexes `next`, an edit of `previous` (same length, a few entries replaced in their places), from
 * `previous`'s index when it has one: that index with the replaced entries swapped in (`SwappedIndex`), cheaper
 * than reading 10,000 models again or copying their index. Left to `indexById` when an edit moved, added or
 * removed entries, or changed an id the index depends on; either way `indexById(next)` is then what reading
 * `next` from scratch gives. Returns whether `next`'s index was made from `previous`'s (the ids are the same).
 */
export function indexEditedList<T extends WithId>(
  previous: readonly T[],
  next: readonly T[],
  replaced: readonly number[],
): boolean {
  const known = indexes.get(previous) as IdIndex<T> | undefined;
  if (!known || indexes.has(next) || previous.length !== next.length) return false;
  // A replaced entry that kept its id, and was the first of its id, takes its place.
  for (const at of replaced) {
    const before = previous[at]!;
    if (next[at]!.id !== before.id || known.get(before.id) !== before) return false;
  }
  const swaps = new Map<string, T>();
  for (const at of replaced) swaps.set(next[at]!.id, next[at]!);
  const layers = known instanceof SwappedIndex ? known.layers + 1 : 1;
  indexes.set(
    next,
    layers > MAX_LAYERS
      ? new Map([...known].map(([id, entry]) => [id, swaps.get(id) ?? entry]))
      : new SwappedIndex(known, swaps, layers),
  );
  return true;
}
