import { useShallow } from 'zustand/react/shallow';
import { usePlannerStore } from '../state/scenario-store';
import { useColorScheme } from './use-color-scheme';

/** Title, the scenario's name, undo and redo, and the theme switch. */
export function AppHeader() {
  const { scenarioName, canUndo, canRedo, undo, redo, theme, setTheme } = usePlannerStore(
    useShallow((s) => ({
      scenarioName: s.scenario?.name ?? '',
      canUndo: s.past.length > 0,
      canRedo: s.future.length > 0,
      undo: s.undo,
      redo: s.redo,
      theme: s.theme,
      setTheme: s.setTheme,
    })),
  );
  const shown = useColorScheme(theme);
  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>LLM spend &amp; credit planner</h1>
        {scenarioName && (
          <span className="app-header__scenario" data-testid="scenario-name">
            {scenarioName}
          </span>
        )}
      </div>
      <div className="app-header__actions">
        <button
          type="button"
          className="button"
          onClick={undo}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={redo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={shown === 'dark'}
          title={theme === 'system' ? 'Follows your system setting until you pick' : undefined}
          onClick={() => setTheme(shown === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
        {theme !== 'system' && (
          <button type="button" className="button button--quiet" onClick={() => setTheme('system')}>
            Follow system theme
          </button>
        )}
      </div>
    </header>
  );
}
