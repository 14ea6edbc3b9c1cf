import { useEffect } from 'react';
import { usePlannerStore } from '../state/scenario-store';

/** Ctrl+Z (⌘Z) undoes the last edit; Ctrl+Shift+Z or Ctrl+Y redoes it. */
export function useUndoShortcuts() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const { undo, redo } = usePlannerStore.getState();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
