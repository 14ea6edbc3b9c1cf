import { createContext, useContext, useId } from 'react';

/**
 * Runs a field's commit inside an edit group, so that the commits of one burst of typing make one undo step.
 * The app provides the store's `withEditGroup`; without a provider a commit runs on its own.
 */
export type RunInEditGroup = <T>(key: string, commit: () => T) => T;

function runAlone<T>(_key: string, commit: () => T): T {
  return commit();
}

export const EditGroupContext = createContext<RunInEditGroup>(runAlone);

/**
 * For a field that commits as the user types: runs each commit in the field's own edit group
 * (`EditGroupContext`), so that one burst of typing in it makes one undo step, and another field starts its own.
 */
export function useFieldEditGroup(): <T>(commit: () => T) => T {
  const runInEditGroup = useContext(EditGroupContext);
  const key = `field:${useId()}`;
  return (commit) => runInEditGroup(key, commit);
}
