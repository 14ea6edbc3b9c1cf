/**
 * Where a key moves the shown item of a focused plot of `count` items, from item `at` (-1: none shown): the
 * `forward` arrows to the next, the other arrows to the previous (from none, any arrow shows the first), Home and
 * End to the ends. `null` for Escape (show none); `undefined` for any other key, which the plot leaves alone.
 */
export function steppedIndex(
  key: string,
  at: number,
  count: number,
  forward: readonly [string, string],
): number | null | undefined {
  if (key === 'Escape') return null;
  if (count === 0) return undefined;
  const last = count - 1;
  if (forward.includes(key)) return Math.min(last, at + 1);
  if (key.startsWith('Arrow')) return at < 0 ? 0 : Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return undefined;
}
