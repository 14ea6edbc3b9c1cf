import { useState } from 'react';

type KeyState = { ids: readonly string[]; keys: string[]; nextKey: number };

/**
 * Assigns each `key` of `keys` in `previous` to the new list: an id still present keeps its key (moves,
 * removals), an id that replaced a vanished id at the same position inherits that key (a rename), and
 * anything else gets a fresh key.
 */
export function matchKeys(previous: KeyState, ids: readonly string[]): KeyState {
  const byId = new Map<string, string>();
  previous.ids.forEach((id, index) => {
    const key = previous.keys[index];
    if (key !== undefined && !byId.has(id)) byId.set(id, key);
  });
  const stillPresent = new Set(ids);
  const used = new Set<string>();
  let nextKey = previous.nextKey;
  const keys = ids.map((id, index) => {
    const kept = byId.get(id);
    if (kept !== undefined && !used.has(kept)) {
      used.add(kept);
      return kept;
    }
    const previousId = previous.ids[index];
    const inherited = previous.keys[index];
    if (
      previousId !== undefined &&
      inherited !== undefined &&
      !stillPresent.has(previousId) &&
      !used.has(inherited)
    ) {
      used.add(inherited);
      return inherited;
    }
    const fresh = `k${nextKey++}`;
    used.add(fresh);
    return fresh;
  });
  return { ids, keys, nextKey };
}

/**
 * React keys for a list whose ids the user edits: a row keeps its key (and its focused input) while its id
 * is being renamed, and follows its item when the list is reordered.
 */
export function useStableKeys(ids: readonly string[]): string[] {
  const [state, setState] = useState<KeyState>(() => matchKeys({ ids: [], keys: [], nextKey: 0 }, ids));
  const changed = state.ids.length !== ids.length || state.ids.some((id, index) => id !== ids[index]);
  if (changed) {
    const next = matchKeys(state, ids);
    setState(next);
    return next.keys;
  }
  return state.keys;
}
