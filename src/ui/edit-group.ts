import { createContext } from 'react';

/**
 * Runs a field's commit inside an edit group, so that the commits of one burst of typing make one undo step.
 * The app provides the store's `withEditGroup`; without a provider a commit runs on its own.
 */
export type RunInEditGroup = <T>(key: string, commit: () => T) => T;

function runAlone<T>(_key: string, commit: () => T): T {
  return commit();
}

export const EditGroupContext = createContext<RunInEditGroup>(runAlone);
