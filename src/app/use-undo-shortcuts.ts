import { useEffect } from 'react';
import { usePlannerStore } from '../state/scenario-store';

/**
 * Ctrl+Z (⌘Z) undoes the last edit; Ctrl+Shift+Z or Ctrl+Y redoes it. Focus leaving a field ends its edit group,
 * so that typing in it again later is an undo step of its own (within the group's 1.5 s window it joined the last).
 */
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
    const onFocusOut = () => usePlannerStore.getState().endEditGroup();
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
