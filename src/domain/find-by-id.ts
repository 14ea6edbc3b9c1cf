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

/** Edited entries kept beside one plain index before they are folded into a plain index of their own. */
const MAX_SWAPS = 64;

/**
 * A plain index with a few entries swapped for their edited selves (same ids): a lookup reads the swaps, then
 * the plain index. An edit of one model in 10,000 then copies the few swaps made so far, not 10,000 entries; once
 * more than `MAX_SWAPS` entries are swapped they are folded into a plain map, so the swaps stay small to copy.
 */
class SwappedIndex<T> implements IdIndex<T> {
  constructor(
    readonly base: ReadonlyMap<string, T>,
    readonly swaps: ReadonlyMap<string, T>,
  ) {}
  get(id: string): T | undefined {
    return this.swaps.get(id) ?? this.base.get(id);
  }
  has(id: string): boolean {
    return this.base.has(id);
  }
  get size(): number {
    return this.base.size;
  }
  *values(): Iterator<T> & Iterable<T> {
    for (const [id, entry] of this.base) yield this.swaps.get(id) ?? entry;
  }
  *[Symbol.iterator](): Iterator<[string, T]> {
    for (const [id, entry] of this.base) yield [id, this.swaps.get(id) ?? entry];
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
  // A plain index is a `Map`; an index made by an earlier edit is the plain one below it and its swaps so far.
  const layered = known instanceof SwappedIndex ? (known as SwappedIndex<T>) : null;
  const base = layered?.base ?? (known as ReadonlyMap<string, T>);
  const swaps = new Map<string, T>(layered?.swaps ?? []);
  for (const at of replaced) swaps.set(next[at]!.id, next[at]!);
  if (swaps.size <= MAX_SWAPS) {
    indexes.set(next, new SwappedIndex(base, swaps));
  } else {
    const folded = new Map(base);
    for (const [id, entry] of swaps) folded.set(id, entry);
    indexes.set(next, folded);
  }
  return true;
}
