import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { CatalogPanel } from '../../src/features/catalog/catalog-panel';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { renderWithScenario } from '../factories/render-with-store';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

/**
 * The two-slice scenario from January 2027 over 12 months, with "dear" retiring on 2027-03-01 (month index 2,
 * March 2027) and "cheap" retired on 2020-01-01, before the start. "Mixed" names both (main → cheap, hard → dear);
 * "All on cheap" names only cheap.
 */
function makeRetiringScenario(): ScenarioInput {
  const base = makeTwoSliceScenario();
  return {
    ...base,
    schemaVersion: 3,
    startMonth: '2027-01',
    horizonMonths: 12,
    catalog: base.catalog.map((model) =>
      model.id === 'dear'
        ? { ...model, retiresOn: '2027-03-01' }
        : model.id === 'cheap'
          ? { ...model, retiresOn: '2020-01-01' }
          : model,
    ),
  };
}

describe('Models retiring within the horizon', () => {
  it('are flagged in the Summary beside the other badges, with the dates in the title', () => {
    renderWithScenario(<SummaryPanel />, makeRetiringScenario());
    const mixed = screen.getByRole('row', { name: /Mixed/ });
    // Counted in slices, as every badge is: Mixed serves both slices on a retiring model.
    const badge = within(mixed).getByText('2 on a retiring model');
    expect(badge).toHaveAttribute(
      'title',
      'Main traffic: Cheap model retired on 2020-01-01, before the horizon starts, on 100% of requests; Hard: Dear model retires on 2027-03-01 (Mar 2027, month 3), on 100% of requests',
    );
    const allCheap = screen.getByRole('row', { name: /All on cheap/ });
    expect(within(allCheap).getByText('2 on a retiring model')).toBeInTheDocument();
  });

  it('are not flagged when the retirement falls after the horizon', () => {
    const scenario = makeRetiringScenario();
    renderWithScenario(<SummaryPanel />, {
      ...scenario,
      catalog: scenario.catalog.map((model) => ({ ...model, retiresOn: '2028-01-01' })),
    });
    expect(screen.queryByText(/retire/)).not.toBeInTheDocument();
  });

  it('are listed on the Strategies screen and in the quality card', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeRetiringScenario());
    expect(screen.getByTestId('strategy-misses-mixed')).toHaveTextContent(
      '2 on a retiring model Main traffic: Cheap model retired on 2020-01-01, before the horizon starts, on 100% of requests; Hard: Dear model retires on 2027-03-01 (Mar 2027, month 3), on 100% of requests',
    );
    await user.click(screen.getByRole('button', { name: /^Mixed/ }));
    const list = screen.getByRole('list', { name: 'Constraints the plan breaks' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list).toHaveTextContent(
      'Retires in horizon Hard: Dear model retires on 2027-03-01 (Mar 2027, month 3)',
    );
  });

  it('say only the date when the scenario has no start month', () => {
    const scenario = makeRetiringScenario();
    delete scenario.startMonth;
    renderWithScenario(<StrategiesPanel />, scenario);
    expect(screen.getByTestId('strategy-misses-mixed')).toHaveTextContent('Dear model retires on 2027-03-01');
    expect(screen.getByTestId('strategy-misses-mixed')).not.toHaveTextContent('month');
  });

  it('are marked in the Pricing catalog: "retired" once the day has passed', () => {
    renderWithScenario(<CatalogPanel />, {
      ...makeRetiringScenario(),
      catalog: makeRetiringScenario().catalog.map((model) =>
        model.id === 'dear' ? { ...model, retiresOn: '2999-12-31' } : model,
      ),
    });
    const markers = screen.getAllByTestId('catalog-retirement').map((marker) => marker.textContent);
    expect(markers.sort()).toEqual(['retired 2020-01-01', 'retires 2999-12-31']);
  });
});
