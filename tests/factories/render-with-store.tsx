import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { formatIssue } from '../../src/domain/validate-scenario';
import { usePlannerStore, withEditGroup } from '../../src/state/scenario-store';
import { ScenarioMoneyDisplay } from '../../src/app/scenario-money-display';
import { EditGroupContext } from '../../src/ui/edit-group';

/**
 * Loads `scenario` into the real store (no undo step) and renders `ui` with a fresh QueryClient and the store's
 * edit groups and
 * display currency, as the app does.
 */
export function renderWithScenario(ui: ReactElement, scenario: ScenarioInput) {
  const loaded = usePlannerStore.getState().commit(scenario, { recordHistory: false });
  if (!loaded.ok) throw new Error(`test scenario is invalid: ${loaded.issues.map(formatIssue).join('; ')}`);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <EditGroupContext value={withEditGroup}>
          <ScenarioMoneyDisplay>{ui}</ScenarioMoneyDisplay>
        </EditGroupContext>
      </QueryClientProvider>,
    ),
  };
}
